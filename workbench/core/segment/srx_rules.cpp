#include "segment/srx_rules.h"
#include "common/xml_safety.h"
#include "common/text_file.h"

#include <QRegularExpression>
#include <QXmlStreamReader>
#include <memory>
#include <unicode/regex.h>

namespace wb {
namespace {

const QString kSrxNamespace = QStringLiteral("http://www.lisa.org/srx20");

Diagnostic srxError(const QString &path, const QXmlStreamReader &xml, const QString &message)
{
    return Diagnostic{ErrorKind::InvalidInput, path, int(xml.lineNumber()), int(xml.columnNumber()), message};
}

// The rule's patterns as ICU will compile them when segmenting: a pattern that does not
// compile is the file's fault, reported at its rule, not later at segmentation time.
std::optional<QString> patternProblem(const QString &pattern)
{
    UParseError where{};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(icu::UnicodeString(reinterpret_cast<const UChar *>(pattern.utf16()), int32_t(pattern.size())),
                                   where, status));
    if (U_SUCCESS(status))
        return std::nullopt;
    return QStringLiteral("\"%1\" is not a valid regular expression (%2 at offset %3)")
        .arg(pattern, QString::fromLatin1(u_errorName(status)))
        .arg(where.offset);
}

bool isSrx(const QXmlStreamReader &xml, QStringView name)
{
    // SRX 1.0 files have no namespace; SRX 2.0 files use kSrxNamespace. Anything else is
    // an extension (Okapi, for one, adds its own elements) and is skipped.
    return xml.name() == name
        && (xml.namespaceUri().isEmpty() || xml.namespaceUri() == kSrxNamespace);
}

} // namespace

Result<SrxRules> SrxRules::parse(const QByteArray &bytes, const QString &path)
{
    if (Status safe = checkXmlInput(bytes, path); !safe)
        return safe.error();
    SrxRules rules;
    QXmlStreamReader xml(bytes);
    bool sawRoot = false;
    RuleSet *currentSet = nullptr;
    SrxRule currentRule;
    bool inRule = false;

    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (!sawRoot) {
                if (!isSrx(xml, u"srx"))
                    return srxError(path, xml, QStringLiteral("root element is <%1>, not an SRX <srx>")
                                                   .arg(xml.qualifiedName()));
                sawRoot = true;
                continue;
            }
            if (isSrx(xml, u"header")) {
                rules.m_cascade = xml.attributes().value(QLatin1String("cascade")) == u"yes";
            } else if (isSrx(xml, u"languagerule")) {
                const QString name = xml.attributes().value(QLatin1String("languagerulename")).toString();
                if (name.isEmpty())
                    return srxError(path, xml, QStringLiteral("<languagerule> without languagerulename"));
                rules.m_ruleSets.append(RuleSet{name, {}});
                currentSet = &rules.m_ruleSets.last();
            } else if (isSrx(xml, u"rule")) {
                if (!currentSet)
                    return srxError(path, xml, QStringLiteral("<rule> outside a <languagerule>"));
                currentRule = SrxRule{};
                currentRule.breaks = xml.attributes().value(QLatin1String("break")) != u"no";
                currentRule.line = int(xml.lineNumber());
                inRule = true;
            } else if (inRule && isSrx(xml, u"beforebreak")) {
                currentRule.before = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            } else if (inRule && isSrx(xml, u"afterbreak")) {
                currentRule.after = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            } else if (isSrx(xml, u"languagemap")) {
                const auto attrs = xml.attributes();
                LanguageMap map{attrs.value(QLatin1String("languagepattern")).toString(),
                                attrs.value(QLatin1String("languagerulename")).toString(), int(xml.lineNumber())};
                if (!QRegularExpression(map.pattern).isValid())
                    return srxError(path, xml, QStringLiteral("languagepattern \"%1\" is not a valid regular expression")
                                                   .arg(map.pattern));
                rules.m_maps.append(map);
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (inRule && isSrx(xml, u"rule")) {
                for (const QString &pattern : {currentRule.before, currentRule.after})
                    if (const auto problem = patternProblem(pattern))
                        return Diagnostic{ErrorKind::InvalidInput, path, currentRule.line, 0, QStringLiteral("rule: ") + *problem};
                currentSet->rules.append(currentRule);
                inRule = false;
            } else if (isSrx(xml, u"languagerule")) {
                currentSet = nullptr;
            }
        }
    }
    if (xml.hasError())
        return srxError(path, xml, QStringLiteral("malformed XML: %1").arg(xml.errorString()));
    if (!sawRoot)
        return Diagnostic{ErrorKind::InvalidInput, path, 0, 0, QStringLiteral("empty SRX file")};
    for (const LanguageMap &map : std::as_const(rules.m_maps)) {
        const bool known = std::any_of(rules.m_ruleSets.cbegin(), rules.m_ruleSets.cend(),
                                       [&](const RuleSet &set) { return set.name == map.ruleSet; });
        if (!known)
            return Diagnostic{ErrorKind::InvalidInput, path, map.line, 0,
                              QStringLiteral("languagemap names rule set \"%1\", which the file does not define")
                                  .arg(map.ruleSet)};
    }
    return rules;
}

Result<SrxRules> SrxRules::load(const QString &path)
{
    auto bytes = readFileBytes(path);
    if (!bytes)
        return bytes.error();
    return parse(*bytes, path);
}

QList<SrxRule> SrxRules::rulesFor(const QString &language) const
{
    QList<SrxRule> result;
    for (const LanguageMap &map : m_maps) {
        // SRX language patterns are matched against the whole code, case-insensitively
        // in practice ("EN.*" must match "en-US").
        const QRegularExpression pattern(QRegularExpression::anchoredPattern(map.pattern),
                                         QRegularExpression::CaseInsensitiveOption);
        if (!pattern.match(language).hasMatch())
            continue;
        for (const RuleSet &set : m_ruleSets)
            if (set.name == map.ruleSet)
                result += set.rules;
        if (!m_cascade)
            break;
    }
    return result;
}

QStringList SrxRules::ruleSetNames() const
{
    QStringList names;
    for (const RuleSet &set : m_ruleSets)
        names.append(set.name);
    return names;
}

} // namespace wb
