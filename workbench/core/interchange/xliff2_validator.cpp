// XLIFF 2 validation: the core schema's structure and the document-wide constraints.
// Inline content (codes, annotations, editing hints) is in xliff2_inline_rules.cpp.
//
// Section numbers cited in messages are those of the XLIFF 2.0 OASIS Standard; XLIFF 2.1
// and 2.2 keep the same rules for the core.

#include "interchange/xliff2_validator.h"
#include "interchange/xliff2_rules.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <climits>
#include <utility>
#include <vector>

namespace wb {
namespace xliff2 {

Diagnostics Report::take()
{
    std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return std::exchange(m_diagnostics, {});
}

namespace {

// ---------------------------------------------------------------------------------------
// Attribute values

bool isNameStartChar(char32_t c)
{
    return c == ':' || c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
        || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
        || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
        || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
        || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool isNameChar(char32_t c)
{
    return isNameStartChar(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7
        || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

bool isAsciiAlpha(QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }
bool isAsciiDigit(QChar c) { return c >= u'0' && c <= u'9'; }
bool isHexDigit(QChar c) { return isAsciiDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'); }
bool allOf(QStringView s, bool (*pred)(QChar)) { return std::all_of(s.begin(), s.end(), pred); }

// Subtag shapes of BCP 47 (RFC 5646, section 2.1).
bool isAlnum(QStringView s, qsizetype min, qsizetype max)
{
    return s.size() >= min && s.size() <= max && allOf(s, [](QChar c) { return isAsciiAlpha(c) || isAsciiDigit(c); });
}
bool isAlpha(QStringView s, qsizetype min, qsizetype max) { return s.size() >= min && s.size() <= max && allOf(s, isAsciiAlpha); }
bool isPrivateUseSingleton(QStringView s) { return s.compare(u"x", Qt::CaseInsensitive) == 0; }
bool isExtensionSingleton(QStringView s) { return isAlnum(s, 1, 1) && !isPrivateUseSingleton(s); }
bool isScript(QStringView s) { return isAlpha(s, 4, 4); }
bool isRegion(QStringView s) { return isAlpha(s, 2, 2) || (s.size() == 3 && allOf(s, isAsciiDigit)); }
bool isVariant(QStringView s) { return isAlnum(s, 5, 8) || (isAlnum(s, 4, 4) && isAsciiDigit(s[0])); }

/// Reads the subtags of a language tag from left to right.
class SubtagCursor {
public:
    explicit SubtagCursor(QStringView tag) : m_subtags(tag.split(u'-')) {}
    bool hasEmptySubtag() const
    {
        return std::any_of(m_subtags.begin(), m_subtags.end(), [](QStringView s) { return s.isEmpty(); });
    }
    bool atEnd() const { return m_next == m_subtags.size(); }
    /// Consumes the next subtag if it has the shape `accepts` wants.
    template <typename Shape>
    bool take(Shape accepts)
    {
        if (atEnd() || !accepts(m_subtags[m_next]))
            return false;
        ++m_next;
        return true;
    }
    /// Consumes one or more subtags of the shape.
    template <typename Shape>
    bool takeSome(Shape accepts)
    {
        if (!take(accepts))
            return false;
        while (take(accepts)) {
        }
        return true;
    }

private:
    QList<QStringView> m_subtags;
    qsizetype m_next = 0;
};

// RFC 5646 "Language-Tag": langtag / privateuse / grandfathered, where
// langtag = language [-script] [-region] *(-variant) *(-extension) [-privateuse].
// Checks that the tag is well-formed, not that its subtags are registered.
bool isWellFormedLanguageTag(QStringView tag)
{
    static const QStringList irregularGrandfathered = {
        QStringLiteral("en-GB-oed"), QStringLiteral("i-ami"), QStringLiteral("i-bnn"), QStringLiteral("i-default"),
        QStringLiteral("i-enochian"), QStringLiteral("i-hak"), QStringLiteral("i-klingon"), QStringLiteral("i-lux"),
        QStringLiteral("i-mingo"), QStringLiteral("i-navajo"), QStringLiteral("i-pwn"), QStringLiteral("i-tao"),
        QStringLiteral("i-tay"), QStringLiteral("i-tsu"), QStringLiteral("sgn-BE-FR"), QStringLiteral("sgn-BE-NL"),
        QStringLiteral("sgn-CH-DE")};
    if (irregularGrandfathered.contains(tag.toString(), Qt::CaseInsensitive))
        return true;
    const auto privateUseSubtag = [](QStringView s) { return isAlnum(s, 1, 8); };
    SubtagCursor subtags(tag);
    if (subtags.hasEmptySubtag())
        return false;
    if (subtags.take(isPrivateUseSingleton))
        return subtags.takeSome(privateUseSubtag) && subtags.atEnd();

    // A 2-3 letter language may have up to three 3-letter extended language subtags.
    if (subtags.take([](QStringView s) { return isAlpha(s, 2, 3); })) {
        for (int extlang = 0; extlang < 3 && subtags.take([](QStringView s) { return isAlpha(s, 3, 3); }); ++extlang) {
        }
    } else if (!subtags.take([](QStringView s) { return isAlpha(s, 4, 8); })) {
        return false;
    }
    subtags.take(isScript);
    subtags.take(isRegion);
    while (subtags.take(isVariant)) {
    }
    while (subtags.take(isExtensionSingleton)) {
        if (!subtags.takeSome([](QStringView s) { return isAlnum(s, 2, 8); }))
            return false;
    }
    if (subtags.take(isPrivateUseSingleton) && !subtags.takeSome(privateUseSubtag))
        return false;
    return subtags.atEnd();
}

enum class ValueType {
    Text, NmToken, NmTokens, YesNo, YesNoFirstNo, Direction, AppliesTo, UserDefined,
    CodeType, MarkerType, Priority, State, PositiveInteger, HexBinary, Language,
};

bool isUserDefinedValue(QStringView v)
{
    // prefix:value, both parts without white space or colons (XSD userDefinedValue)
    const qsizetype colon = v.indexOf(u':');
    if (colon <= 0 || colon == v.size() - 1 || v.indexOf(u':', colon + 1) >= 0)
        return false;
    return std::none_of(v.begin(), v.end(), [](QChar c) { return c.isSpace(); });
}

std::optional<qint64> positiveInteger(QStringView v)
{
    const QStringView digits = v.trimmed();
    if (digits.isEmpty() || !allOf(digits, isAsciiDigit))
        return std::nullopt;
    bool ok = false;
    const qint64 n = digits.toLongLong(&ok);
    if (!ok || n < 1)
        return std::nullopt;
    return n;
}

bool isNmTokenList(const QString &value)
{
    const QStringList tokens = value.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    return !tokens.isEmpty() && std::all_of(tokens.begin(), tokens.end(), [](const QString &t) { return isNmToken(t); });
}

/// Nothing when `valid`, else why not.
std::optional<QString> unless(bool valid, const char *why)
{
    return valid ? std::nullopt : std::optional<QString>(QLatin1String(why));
}

std::optional<QString> oneOf(QStringView v, std::initializer_list<const char *> allowed)
{
    QStringList names;
    for (const char *a : allowed) {
        if (v == QLatin1String(a))
            return std::nullopt;
        names << QLatin1String(a);
    }
    return QStringLiteral("is not one of %1").arg(names.join(QStringLiteral(", ")));
}

/// Why `value` is not of `type`, or nothing when it is.
std::optional<QString> valueProblem(ValueType type, const QString &value)
{
    switch (type) {
    case ValueType::Text:
        return std::nullopt;
    case ValueType::NmToken:
        return unless(isNmToken(value), "is not an NMTOKEN (letters, digits, '.', '-', '_', ':')");
    case ValueType::NmTokens:
        return unless(isNmTokenList(value), "is not a space-separated list of NMTOKENs");
    case ValueType::YesNo:
        return oneOf(value, {"yes", "no"});
    case ValueType::YesNoFirstNo:
        return oneOf(value, {"yes", "firstNo", "no"});
    case ValueType::Direction:
        return oneOf(value, {"ltr", "rtl", "auto"});
    case ValueType::AppliesTo:
        return oneOf(value, {"source", "target"});
    case ValueType::UserDefined:
        return unless(isUserDefinedValue(value), "is not of the form prefix:value");
    case ValueType::CodeType:
        return oneOf(value, {"fmt", "ui", "quote", "link", "image", "other"});
    case ValueType::MarkerType:
        return unless(isUserDefinedValue(value) || !oneOf(value, {"generic", "comment", "term"}),
                      "is not one of generic, comment, term or prefix:value");
    case ValueType::Priority:
        return unless(positiveInteger(value).value_or(11) <= 10, "is not an integer from 1 to 10");
    case ValueType::State:
        return oneOf(value, {"initial", "translated", "reviewed", "final"});
    case ValueType::PositiveInteger:
        return unless(positiveInteger(value).has_value(), "is not a positive integer");
    case ValueType::HexBinary:
        return unless(!value.isEmpty() && value.size() % 2 == 0 && allOf(value, isHexDigit),
                      "is not hexadecimal (an even number of digits 0-9, a-f)");
    case ValueType::Language:
        return unless(isWellFormedLanguageTag(value), "is not a well-formed BCP 47 language tag");
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------
// The core schema, as tables

struct AttributeSpec {
    const char *name;
    ValueType type;
    bool required = false;
};

/// Which attributes from other namespaces an element takes (XSD anyAttribute ##other,
/// narrowed by the specification for inline codes).
enum class ForeignAttributes { None, ModulesOnly, Any };
/// Which xml:* attributes an element takes explicitly.
enum class XmlAttributes { None, LangAndSpace, SpaceOnly, PreserveOnly };

enum class ParticleKind { Core, Foreign, ModuleElement };
/// One term of a content model: `names` (a choice of core elements), any element from
/// another namespace, or one named module element.
struct Particle {
    ParticleKind kind;
    std::vector<const char *> names;
    int min = 0;
    int max = 1;
    const QString *moduleNamespace = nullptr;
};
constexpr int kUnbounded = INT_MAX;

enum class Content {
    Empty,       ///< no text, no children
    TextOnly,    ///< text, no children
    Inline,      ///< text and inline elements in any order
    Elements,    ///< `particles`, white space between them
    MixedTerms,  ///< text and `particles`
};

struct ElementSpec {
    const char *name;
    const char *section;
    std::vector<AttributeSpec> attributes;
    ForeignAttributes foreign = ForeignAttributes::None;
    XmlAttributes xml = XmlAttributes::None;
    Content content = Content::Empty;
    std::vector<Particle> particles;
    const char *contentSummary = ""; ///< the content model in words, for messages
};

Particle core(std::vector<const char *> names, int min, int max) { return {ParticleKind::Core, std::move(names), min, max}; }
Particle foreignElements() { return {ParticleKind::Foreign, {}, 0, kUnbounded}; }

const std::vector<AttributeSpec> &structuralCommon()
{
    static const std::vector<AttributeSpec> attributes = {
        {"canResegment", ValueType::YesNo}, {"translate", ValueType::YesNo},
        {"srcDir", ValueType::Direction}, {"trgDir", ValueType::Direction}};
    return attributes;
}

std::vector<AttributeSpec> with(std::vector<AttributeSpec> base, std::initializer_list<AttributeSpec> more)
{
    base.insert(base.end(), more);
    return base;
}

const std::vector<AttributeSpec> &codeCommon()
{
    static const std::vector<AttributeSpec> attributes = {
        {"canCopy", ValueType::YesNo}, {"canDelete", ValueType::YesNo}, {"canReorder", ValueType::YesNoFirstNo},
        {"copyOf", ValueType::NmToken}, {"subType", ValueType::UserDefined}, {"type", ValueType::CodeType}};
    return attributes;
}

const char *const kInlineNames = "text and the inline elements <cp>, <ph>, <pc>, <sc>, <ec>, <mrk>, <sm>, <em>";

QHash<QString, ElementSpec> buildCoreSchema()
{
    const std::vector<AttributeSpec> markerAttributes = {
        {"id", ValueType::NmToken, true}, {"translate", ValueType::YesNo}, {"type", ValueType::MarkerType},
        {"ref", ValueType::Text}, {"value", ValueType::Text}};
    const std::vector<ElementSpec> specs = {
        {"xliff", "4.2.2.1",
         {{"version", ValueType::Text, true}, {"srcLang", ValueType::Language, true}, {"trgLang", ValueType::Language}},
         ForeignAttributes::Any, XmlAttributes::SpaceOnly, Content::Elements,
         {core({"file"}, 1, kUnbounded)}, "one or more <file> elements"},
        {"file", "4.2.2.2",
         with(structuralCommon(), {{"id", ValueType::NmToken, true}, {"original", ValueType::Text}}),
         ForeignAttributes::Any, XmlAttributes::SpaceOnly, Content::Elements,
         {core({"skeleton"}, 0, 1), foreignElements(), core({"notes"}, 0, 1), core({"unit", "group"}, 1, kUnbounded)},
         "an optional <skeleton>, module and extension elements, an optional <notes>, then one or more <unit> or <group>"},
        {"skeleton", "4.2.2.3", {{"href", ValueType::Text}}, ForeignAttributes::None, XmlAttributes::None,
         Content::MixedTerms, {foreignElements()}, "text and elements from other namespaces"},
        {"group", "4.2.2.4",
         with(structuralCommon(), {{"id", ValueType::NmToken, true}, {"name", ValueType::Text}, {"type", ValueType::UserDefined}}),
         ForeignAttributes::Any, XmlAttributes::SpaceOnly, Content::Elements,
         {foreignElements(), core({"notes"}, 0, 1), core({"unit", "group"}, 0, kUnbounded)},
         "module and extension elements, an optional <notes>, then <unit> and <group> elements"},
        {"unit", "4.2.2.5",
         with(structuralCommon(), {{"id", ValueType::NmToken, true}, {"name", ValueType::Text}, {"type", ValueType::UserDefined}}),
         ForeignAttributes::Any, XmlAttributes::SpaceOnly, Content::Elements,
         {foreignElements(), core({"notes"}, 0, 1), core({"originalData"}, 0, 1), core({"segment", "ignorable"}, 1, kUnbounded)},
         "module and extension elements, an optional <notes>, an optional <originalData>, then <segment> and <ignorable> elements"},
        {"segment", "4.2.2.6",
         {{"id", ValueType::NmToken}, {"canResegment", ValueType::YesNo}, {"state", ValueType::State},
          {"subState", ValueType::UserDefined}},
         ForeignAttributes::None, XmlAttributes::None, Content::Elements,
         {core({"source"}, 1, 1), core({"target"}, 0, 1)}, "one <source> then an optional <target>"},
        {"ignorable", "4.2.2.7", {{"id", ValueType::NmToken}}, ForeignAttributes::None, XmlAttributes::None,
         Content::Elements, {core({"source"}, 1, 1), core({"target"}, 0, 1)}, "one <source> then an optional <target>"},
        {"notes", "4.2.2.8", {}, ForeignAttributes::None, XmlAttributes::None, Content::Elements,
         {core({"note"}, 1, kUnbounded)}, "one or more <note> elements"},
        {"note", "4.2.2.9",
         {{"id", ValueType::NmToken}, {"appliesTo", ValueType::AppliesTo}, {"category", ValueType::Text},
          {"priority", ValueType::Priority}},
         ForeignAttributes::Any, XmlAttributes::None, Content::TextOnly, {}, "text only"},
        {"originalData", "4.2.2.10", {}, ForeignAttributes::None, XmlAttributes::None, Content::Elements,
         {core({"data"}, 1, kUnbounded)}, "one or more <data> elements"},
        {"data", "4.2.2.11", {{"id", ValueType::NmToken, true}, {"dir", ValueType::Direction}},
         ForeignAttributes::None, XmlAttributes::PreserveOnly, Content::MixedTerms,
         {core({"cp"}, 0, kUnbounded)}, "text and <cp> elements"},
        {"source", "4.2.2.12", {}, ForeignAttributes::None, XmlAttributes::LangAndSpace, Content::Inline, {}, kInlineNames},
        {"target", "4.2.2.13", {{"order", ValueType::PositiveInteger}}, ForeignAttributes::None,
         XmlAttributes::LangAndSpace, Content::Inline, {}, kInlineNames},
        {"cp", "4.2.3.1", {{"hex", ValueType::HexBinary, true}}, ForeignAttributes::None, XmlAttributes::None, Content::Empty, {}, "nothing"},
        {"ph", "4.2.3.2",
         with(codeCommon(), {{"id", ValueType::NmToken, true}, {"disp", ValueType::Text}, {"equiv", ValueType::Text},
                             {"dataRef", ValueType::NmToken}, {"subFlows", ValueType::NmTokens}}),
         ForeignAttributes::ModulesOnly, XmlAttributes::None, Content::Empty, {}, "nothing"},
        {"pc", "4.2.3.3",
         with(codeCommon(), {{"id", ValueType::NmToken, true}, {"canOverlap", ValueType::YesNo},
                             {"dispStart", ValueType::Text}, {"dispEnd", ValueType::Text}, {"equivStart", ValueType::Text},
                             {"equivEnd", ValueType::Text}, {"dataRefStart", ValueType::NmToken},
                             {"dataRefEnd", ValueType::NmToken}, {"subFlowsStart", ValueType::NmTokens},
                             {"subFlowsEnd", ValueType::NmTokens}, {"dir", ValueType::Direction}}),
         ForeignAttributes::ModulesOnly, XmlAttributes::None, Content::Inline, {}, kInlineNames},
        {"sc", "4.2.3.4",
         with(codeCommon(), {{"id", ValueType::NmToken, true}, {"canOverlap", ValueType::YesNo},
                             {"dataRef", ValueType::NmToken}, {"dir", ValueType::Direction}, {"disp", ValueType::Text},
                             {"equiv", ValueType::Text}, {"isolated", ValueType::YesNo}, {"subFlows", ValueType::NmTokens}}),
         ForeignAttributes::ModulesOnly, XmlAttributes::None, Content::Empty, {}, "nothing"},
        {"ec", "4.2.3.5",
         with(codeCommon(), {{"id", ValueType::NmToken}, {"canOverlap", ValueType::YesNo}, {"dataRef", ValueType::NmToken},
                             {"dir", ValueType::Direction}, {"disp", ValueType::Text}, {"equiv", ValueType::Text},
                             {"isolated", ValueType::YesNo}, {"startRef", ValueType::NmToken},
                             {"subFlows", ValueType::NmTokens}}),
         ForeignAttributes::ModulesOnly, XmlAttributes::None, Content::Empty, {}, "nothing"},
        {"mrk", "4.2.3.6", markerAttributes, ForeignAttributes::Any, XmlAttributes::None, Content::Inline, {}, kInlineNames},
        {"sm", "4.2.3.7", markerAttributes, ForeignAttributes::Any, XmlAttributes::None, Content::Empty, {}, "nothing"},
        {"em", "4.2.3.8", {{"startRef", ValueType::NmToken, true}}, ForeignAttributes::None, XmlAttributes::None, Content::Empty, {}, "nothing"},
    };
    QHash<QString, ElementSpec> schema;
    for (const ElementSpec &spec : specs)
        schema.insert(QLatin1String(spec.name), spec);
    return schema;
}

// XLIFF 2.2 (its own core namespace) lets <xliff> hold <notes> and <mda:metadata> before
// its files, and <note> carry a ref.
QHash<QString, ElementSpec> buildCore22Schema()
{
    QHash<QString, ElementSpec> schema = buildCoreSchema();
    ElementSpec &xliff = schema[QStringLiteral("xliff")];
    Particle metadata{ParticleKind::ModuleElement, {"metadata"}, 0, 1, &ns::mda};
    xliff.particles.insert(xliff.particles.begin(), {core({"notes"}, 0, 1), metadata});
    xliff.contentSummary = "an optional <notes>, an optional <mda:metadata>, then one or more <file> elements";
    schema[QStringLiteral("note")].attributes.push_back({"ref", ValueType::Text});
    return schema;
}

const ElementSpec *coreSpec(const XmlElement &e, const Context &ctx)
{
    static const QHash<QString, ElementSpec> schema20 = buildCoreSchema();
    static const QHash<QString, ElementSpec> schema22 = buildCore22Schema();
    const QHash<QString, ElementSpec> &schema = ctx.coreNamespace == ns::core22 ? schema22 : schema20;
    const auto it = schema.constFind(e.name);
    return it == schema.cend() ? nullptr : &it.value();
}

QString tag(const XmlElement &e) { return QLatin1Char('<') + e.qualifiedName + QLatin1Char('>'); }

// ---------------------------------------------------------------------------------------
// The names each XLIFF module defines

struct ModuleVocabulary {
    const QString *uri;
    const char *prefix;
    const char *section;
    QStringList elements;
    QStringList attributes; ///< the module's namespaced (global) attributes
};

const QList<ModuleVocabulary> &moduleVocabularies()
{
    static const QList<ModuleVocabulary> modules = {
        {&ns::mtc, "mtc", "5.1", {QStringLiteral("matches"), QStringLiteral("match")}, {}},
        {&ns::gls, "gls", "5.2", {QStringLiteral("glossary"), QStringLiteral("glossEntry"), QStringLiteral("term"),
                                  QStringLiteral("translation"), QStringLiteral("definition")}, {}},
        {&ns::fs, "fs", "5.3", {}, {QStringLiteral("fs"), QStringLiteral("subFs")}},
        {&ns::mda, "mda", "5.4", {QStringLiteral("metadata"), QStringLiteral("metaGroup"), QStringLiteral("meta")}, {}},
        {&ns::res, "res", "5.5", {QStringLiteral("resourceData"), QStringLiteral("resourceItemRef"), QStringLiteral("resourceItem"),
                                  QStringLiteral("source"), QStringLiteral("target"), QStringLiteral("reference")}, {}},
        {&ns::ctr, "ctr", "5.6", {QStringLiteral("changeTrack"), QStringLiteral("revisions"), QStringLiteral("revision"),
                                  QStringLiteral("item")}, {}},
        {&ns::slr, "slr", "5.7", {QStringLiteral("profiles"), QStringLiteral("normalization"), QStringLiteral("data")},
         {QStringLiteral("equivStorage"), QStringLiteral("sizeInfo"), QStringLiteral("sizeInfoRef"),
          QStringLiteral("sizeRestriction"), QStringLiteral("storageRestriction")}},
        {&ns::val, "val", "5.8", {QStringLiteral("validation"), QStringLiteral("rule")}, {}},
    };
    return modules;
}

const ModuleVocabulary *moduleFor(const QString &uri)
{
    for (const ModuleVocabulary &m : moduleVocabularies()) {
        if (*m.uri == uri)
            return &m;
    }
    return nullptr;
}

// ---------------------------------------------------------------------------------------
// Structure: attributes and content models of core elements

bool isXliffModuleNamespace(const QString &uri)
{
    static const QSet<QString> modules = {ns::fs, ns::slr, ns::mtc, ns::gls, ns::mda, ns::res, ns::ctr,
                                          ns::val, ns::its, ns::itsm, ns::pgs};
    return modules.contains(uri);
}

bool xmlAttributeAllowed(const XmlAttribute &a, const ElementSpec &spec)
{
    if (spec.foreign == ForeignAttributes::Any)
        return true; // xml:* attributes are "other" to the core namespace
    if (a.name == u"space")
        return spec.xml != XmlAttributes::None;
    if (a.name == u"lang")
        return spec.xml == XmlAttributes::LangAndSpace;
    return false;
}

// An attribute with a namespace: xml:*, a schema-instance hint, or one from a module or
// an extension, each allowed on some elements only.
void checkQualifiedAttribute(const XmlElement &e, const XmlAttribute &a, const ElementSpec &spec, const Context &ctx)
{
    if (a.namespaceUri == ns::xsi)
        return; // schema-instance hints are allowed on every element
    if (a.namespaceUri == ns::xml) {
        if (!xmlAttributeAllowed(a, spec))
            ctx.error(e, QStringLiteral("attribute '%1' is not allowed on %2").arg(a.qualifiedName, tag(e)) + cite(spec.section));
        else if (spec.xml == XmlAttributes::PreserveOnly && a.name == u"space" && a.value != u"preserve")
            ctx.error(e, QStringLiteral("%1 on %2 can only be 'preserve'").arg(a.qualifiedName, tag(e)) + cite(spec.section));
        return;
    }
    if (a.namespaceUri == ctx.coreNamespace) {
        ctx.error(e, QStringLiteral("attribute '%1' on %2 is in the core namespace; core attributes have no prefix")
                         .arg(a.qualifiedName, tag(e)) + cite(spec.section));
        return;
    }
    switch (spec.foreign) {
    case ForeignAttributes::Any:
        return;
    case ForeignAttributes::ModulesOnly:
        if (a.namespaceUri != ns::fs && a.namespaceUri != ns::slr)
            ctx.error(e, QStringLiteral("extension attribute '%1' is not allowed on %2: inline codes take only "
                                        "Format Style (fs:) and Size Restriction (slr:) module attributes")
                             .arg(a.qualifiedName, tag(e)) + cite(spec.section));
        return;
    case ForeignAttributes::None:
        ctx.error(e, QStringLiteral("attribute '%1' is not allowed on %2: it takes no attributes from other namespaces")
                         .arg(a.qualifiedName, tag(e)) + cite(spec.section));
        return;
    }
}

void checkAttributes(const XmlElement &e, const ElementSpec &spec, const Context &ctx)
{
    for (const XmlAttribute &a : e.attributes) {
        if (!a.namespaceUri.isEmpty()) {
            checkQualifiedAttribute(e, a, spec, ctx);
            continue;
        }
        const auto known = std::find_if(spec.attributes.begin(), spec.attributes.end(),
                                        [&](const AttributeSpec &s) { return a.name == QLatin1String(s.name); });
        if (known == spec.attributes.end()) {
            ctx.error(e, QStringLiteral("attribute '%1' is not allowed on %2").arg(a.name, tag(e)) + cite(spec.section));
        } else if (const auto why = valueProblem(known->type, a.value)) {
            ctx.error(e, QStringLiteral("%1 %2='%3' %4").arg(tag(e), a.name, a.value, *why) + cite(spec.section));
        }
    }
    for (const AttributeSpec &s : spec.attributes) {
        if (s.required && !e.hasAttribute(QLatin1String(s.name)))
            ctx.error(e, QStringLiteral("%1 lacks the required attribute '%2'").arg(tag(e), QLatin1String(s.name)) + cite(spec.section));
    }
}

bool particleAccepts(const Particle &p, const XmlElement &child, const Context &ctx)
{
    switch (p.kind) {
    case ParticleKind::Core:
        return ctx.isCore(child)
            && std::any_of(p.names.begin(), p.names.end(), [&](const char *n) { return child.name == QLatin1String(n); });
    case ParticleKind::Foreign: // XSD ##other: qualified, and not in the core namespace
        return !child.namespaceUri.isEmpty() && !ctx.isCore(child);
    case ParticleKind::ModuleElement:
        return child.is(*p.moduleNamespace, QLatin1String(p.names.front()));
    }
    return false;
}

QString particleName(const Particle &p)
{
    if (p.kind == ParticleKind::Foreign)
        return QStringLiteral("an element from another namespace");
    if (p.kind == ParticleKind::ModuleElement)
        return QStringLiteral("<%1:%2>").arg(QLatin1String(moduleFor(*p.moduleNamespace)->prefix), QLatin1String(p.names.front()));
    QStringList names;
    for (const char *n : p.names)
        names << QStringLiteral("<%1>").arg(QLatin1String(n));
    return names.join(QStringLiteral(" or "));
}

// Matches the children against the sequence of particles. XLIFF's content models are
// deterministic, so taking each child with the first particle that can still accept it
// is exact.
void checkChildSequence(const XmlElement &e, const ElementSpec &spec, const Context &ctx)
{
    const std::vector<Particle> &particles = spec.particles;
    size_t p = 0;
    int count = 0;
    for (const auto &child : e.children) {
        while (p < particles.size() && !(count < particles[p].max && particleAccepts(particles[p], *child, ctx))) {
            if (count < particles[p].min)
                ctx.error(*child, QStringLiteral("%1 found where %2 needs %3; %2 holds %4")
                                      .arg(tag(*child), tag(e), particleName(particles[p]), QLatin1String(spec.contentSummary))
                                      + cite(spec.section));
            ++p;
            count = 0;
        }
        if (p == particles.size()) {
            ctx.error(*child, QStringLiteral("%1 is not allowed at this place in %2, which holds %3")
                                  .arg(tag(*child), tag(e), QLatin1String(spec.contentSummary)) + cite(spec.section));
            return; // the rest of the sequence cannot be matched meaningfully
        }
        ++count;
    }
    for (; p < particles.size(); ++p, count = 0) {
        if (count < particles[p].min)
            ctx.error(e, QStringLiteral("%1 lacks %2; it holds %3")
                             .arg(tag(e), particleName(particles[p]), QLatin1String(spec.contentSummary)) + cite(spec.section));
    }
}

bool isInlineElement(const XmlElement &e, const Context &ctx)
{
    static const QSet<QString> inlineNames = {QStringLiteral("cp"), QStringLiteral("ph"), QStringLiteral("pc"), QStringLiteral("sc"),
                                              QStringLiteral("ec"), QStringLiteral("mrk"), QStringLiteral("sm"), QStringLiteral("em")};
    return ctx.isCore(e) && inlineNames.contains(e.name);
}

QString excerpt(const QString &text)
{
    const QString t = text.simplified();
    return t.size() > 20 ? t.left(20) + QStringLiteral("...") : t;
}

void checkContent(const XmlElement &e, const ElementSpec &spec, const Context &ctx)
{
    const bool textAllowed = spec.content == Content::TextOnly || spec.content == Content::Inline || spec.content == Content::MixedTerms;
    if (!textAllowed && e.hasSignificantText())
        ctx.error(e, QStringLiteral("%1 cannot contain text ('%2')").arg(tag(e), excerpt(e.text)) + cite(spec.section));
    switch (spec.content) {
    case Content::Empty:
    case Content::TextOnly:
        if (!e.children.empty())
            ctx.error(*e.children.front(), QStringLiteral("%1 cannot contain elements (%2 found)").arg(tag(e), tag(*e.children.front()))
                                               + cite(spec.section));
        break;
    case Content::Inline:
        for (const auto &child : e.children) {
            if (!isInlineElement(*child, ctx))
                ctx.error(*child, QStringLiteral("%1 is not allowed in %2, which holds %3")
                                      .arg(tag(*child), tag(e), QLatin1String(spec.contentSummary)) + cite(spec.section));
        }
        break;
    case Content::Elements:
    case Content::MixedTerms:
        checkChildSequence(e, spec, ctx);
        break;
    }
}

// ---------------------------------------------------------------------------------------
// Modules: the rules each module sets on the elements that use it

void checkModuleElementName(const XmlElement &e, const Context &ctx)
{
    const ModuleVocabulary *module = moduleFor(e.namespaceUri);
    if (module && !module->elements.contains(e.name))
        ctx.error(e, QStringLiteral("%1 is not an element of the %2 module (%3)")
                         .arg(tag(e), QLatin1String(module->prefix), module->elements.isEmpty()
                                  ? QStringLiteral("it defines attributes only")
                                  : QStringLiteral("its elements are ") + module->elements.join(QStringLiteral(", ")))
                         + cite(module->section));
}

// The HTML element names the Format Style module's fs attribute takes (§5.3.5.1).
const QSet<QString> &formatStyleNames()
{
    static const QSet<QString> names = [] {
        QSet<QString> set;
        for (const char *n : {"a", "b", "bdo", "big", "blockquote", "body", "br", "button", "caption", "center", "cite",
                              "code", "col", "colgroup", "dd", "del", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4",
                              "h5", "h6", "head", "hr", "html", "i", "img", "label", "legend", "li", "ol", "p", "pre",
                              "q", "s", "samp", "select", "small", "span", "strike", "strong", "sub", "sup", "table",
                              "tbody", "td", "tfoot", "th", "thead", "title", "tr", "tt", "u", "ul"})
            set.insert(QLatin1String(n));
        return set;
    }();
    return names;
}

bool isNonIsolatedEndCode(const XmlElement &e, const Context &ctx)
{
    return ctx.isCore(e, u"ec") && e.attribute(u"isolated", QStringLiteral("no")) != u"yes";
}

void checkModuleAttributes(const XmlElement &e, const Context &ctx)
{
    for (const XmlAttribute &a : e.attributes) {
        const ModuleVocabulary *module = moduleFor(a.namespaceUri);
        if (!module)
            continue;
        if (!module->attributes.contains(a.name)) {
            ctx.error(e, QStringLiteral("'%1' on %2 is not an attribute of the %3 module")
                             .arg(a.qualifiedName, tag(e), QLatin1String(module->prefix)) + cite(module->section));
        } else if (isNonIsolatedEndCode(e, ctx)) {
            // An <ec> that closes an <sc> of its unit shares that <sc>'s formatting and size
            // information; only an isolated <ec> carries its own.
            ctx.error(e, QStringLiteral("'%1' is on an <ec> that is not isolated; put it on the matching <sc>")
                             .arg(a.qualifiedName) + cite(module->section));
        } else if (a.namespaceUri == ns::fs && a.name == u"fs" && !formatStyleNames().contains(a.value)) {
            ctx.error(e, QStringLiteral("%1='%2' on %3 is not one of the HTML element names the Format Style module allows")
                             .arg(a.qualifiedName, a.value, tag(e)) + cite("5.3.5.1"));
        }
    }
    if (e.findAttribute(ns::fs, u"subFs") && !e.findAttribute(ns::fs, u"fs"))
        ctx.error(e, QStringLiteral("%1 has fs:subFs without fs:fs").arg(tag(e)) + cite("5.3.5.2"));
    if (e.findAttribute(ns::slr, u"sizeInfo") && e.findAttribute(ns::slr, u"sizeInfoRef"))
        ctx.error(e, QStringLiteral("%1 has both slr:sizeInfo and slr:sizeInfoRef; use one").arg(tag(e)) + cite("5.7"));
}

void checkXmlAttributeValues(const XmlElement &e, const Context &ctx)
{
    if (const XmlAttribute *lang = e.findAttribute(ns::xml, u"lang")) {
        // xml:lang="" is allowed by XML and means "no language"
        if (!lang->value.isEmpty() && !isWellFormedLanguageTag(lang->value))
            ctx.error(e, QStringLiteral("xml:lang='%1' on %2 is not a well-formed BCP 47 language tag").arg(lang->value, tag(e))
                             + cite("4.3.2.1"));
    }
    if (const XmlAttribute *space = e.findAttribute(ns::xml, u"space")) {
        if (space->value != u"default" && space->value != u"preserve")
            ctx.error(e, QStringLiteral("xml:space='%1' on %2 is neither 'default' nor 'preserve'").arg(space->value, tag(e))
                             + cite("4.3.2.2"));
    }
}

bool isModuleElementWithReference(const XmlElement &e)
{
    return e.is(ns::mtc, u"match") || e.is(ns::gls, u"glossEntry") || e.is(ns::gls, u"translation");
}

// Checks every element: core ones against the schema tables, module ones against their
// module's vocabulary; then descends. Skeleton content belongs to the tool that wrote it.
void checkStructure(const XmlElement &e, const Context &ctx)
{
    if (ctx.isCore(e)) {
        const ElementSpec *spec = coreSpec(e, ctx);
        if (!spec) {
            ctx.error(e, QStringLiteral("%1 is not an element of XLIFF 2 core").arg(tag(e)) + cite("4.2"));
            return;
        }
        checkAttributes(e, *spec, ctx);
        checkContent(e, *spec, ctx);
        if (e.name == u"skeleton")
            return;
    } else {
        checkModuleElementName(e, ctx);
    }
    checkModuleAttributes(e, ctx);
    checkXmlAttributeValues(e, ctx);
    if (isModuleElementWithReference(e)) {
        if (const auto why = fragmentIdentifierError(e.attribute(u"ref")))
            ctx.error(e, QStringLiteral("%1 ref='%2': %3").arg(tag(e), e.attribute(u"ref"), *why) + cite("3"));
    }
    for (const auto &child : e.children)
        checkStructure(*child, ctx);
}

// ---------------------------------------------------------------------------------------
// Document-wide rules

/// Calls `visit` for every core descendant of `e` (depth first, document order) without
/// entering module or extension elements.
template <typename Visit>
void forEachCoreDescendant(const XmlElement &e, const Context &ctx, Visit visit)
{
    for (const auto &child : e.children) {
        if (!ctx.isCore(*child))
            continue;
        visit(*child);
        forEachCoreDescendant(*child, ctx, visit);
    }
}

QList<const XmlElement *> coreDescendants(const XmlElement &e, const Context &ctx, QAnyStringView name)
{
    QList<const XmlElement *> found;
    forEachCoreDescendant(e, ctx, [&](const XmlElement &d) {
        if (QAnyStringView::equal(d.name, name))
            found.append(&d);
    });
    return found;
}

/// Reports each element of `elements` whose `id` an earlier one already used.
void checkUniqueIds(const QList<const XmlElement *> &elements, const QString &scope, const char *section, const Context &ctx)
{
    QHash<QString, const XmlElement *> seen;
    for (const XmlElement *e : elements) {
        const XmlAttribute *id = e->findAttribute(u"id");
        if (!id)
            continue;
        if (const XmlElement *first = seen.value(id->value)) {
            ctx.error(*e, QStringLiteral("%1 id '%2' is already used by the %3 at line %4; ids must be unique %5")
                              .arg(tag(*e), id->value, tag(*first)).arg(first->line).arg(scope) + cite(section));
        } else {
            seen.insert(id->value, e);
        }
    }
}

void checkStructuralIds(const XmlElement &root, const Context &ctx)
{
    checkUniqueIds(root.childrenNamed(ctx.coreNamespace, u"file"), QStringLiteral("among the document's files"), "4.2.2.2", ctx);
    for (const XmlElement *file : root.childrenNamed(ctx.coreNamespace, u"file")) {
        checkUniqueIds(coreDescendants(*file, ctx, u"group"), QStringLiteral("among the groups of a file"), "4.2.2.4", ctx);
        checkUniqueIds(coreDescendants(*file, ctx, u"unit"), QStringLiteral("among the units of a file"), "4.2.2.5", ctx);
    }
    forEachCoreDescendant(root, ctx, [&](const XmlElement &e) {
        if (e.name == u"notes")
            checkUniqueIds(e.childrenNamed(ctx.coreNamespace, u"note"),
                           QStringLiteral("among the notes of one file, group or unit"), "4.2.2.9", ctx);
        else if (e.name == u"originalData")
            checkUniqueIds(e.childrenNamed(ctx.coreNamespace, u"data"), QStringLiteral("within a unit"), "4.2.2.11", ctx);
    });
}

bool isExtensionElement(const XmlElement &e, const Context &ctx)
{
    return !e.namespaceUri.isEmpty() && !ctx.isCore(e) && !isXliffModuleNamespace(e.namespaceUri);
}

/// Collects the id (or xml:id) of every extension element below `e`, stopping at nested
/// files, groups and units, which are scopes of their own.
void collectExtensionIds(const XmlElement &e, const Context &ctx, QList<QPair<const XmlElement *, QString>> &ids)
{
    for (const auto &child : e.children) {
        if (ctx.isCore(*child) && (child->name == u"group" || child->name == u"unit" || child->name == u"skeleton"))
            continue;
        if (isExtensionElement(*child, ctx)) {
            const XmlAttribute *id = child->findAttribute(u"id");
            if (!id)
                id = child->findAttribute(ns::xml, u"id");
            if (id)
                ids.append({child.get(), id->value});
        }
        collectExtensionIds(*child, ctx, ids);
    }
}

// Extension elements' ids (id or xml:id) are unique within their file, group or unit.
void checkExtensionIds(const XmlElement &root, const Context &ctx)
{
    forEachCoreDescendant(root, ctx, [&](const XmlElement &scope) {
        if (scope.name != u"file" && scope.name != u"group" && scope.name != u"unit")
            return;
        QList<QPair<const XmlElement *, QString>> ids;
        collectExtensionIds(scope, ctx, ids);
        QHash<QString, const XmlElement *> seen;
        for (const auto &[element, id] : ids) {
            if (const XmlElement *first = seen.value(id)) {
                ctx.error(*element, QStringLiteral("extension element %1 reuses id '%2' of %3 at line %4; extension ids must be "
                                                   "unique within the enclosing %5")
                                        .arg(tag(*element), id, tag(*first)).arg(first->line).arg(tag(scope)) + cite("4.9.2"));
            } else {
                seen.insert(id, element);
            }
        }
    });
}

QString inheritedXmlAttribute(const XmlElement &e, QAnyStringView name, const QString &fallback = {})
{
    for (const XmlElement *at = &e; at; at = at->parent) {
        if (const XmlAttribute *a = at->findAttribute(ns::xml, name))
            return a->value;
    }
    return fallback;
}

QString unitLabel(const XmlElement &e)
{
    for (const XmlElement *at = &e; at; at = at->parent) {
        if (at->name == u"unit")
            return QStringLiteral("unit '%1': ").arg(at->attribute(u"id"));
    }
    return {};
}

// <source>/<target> of a <segment> or <ignorable>: their language (explicit or inherited
// xml:lang) is the document's srcLang/trgLang, and the target keeps the source's
// white-space handling.
void checkContentLanguageAndSpace(const XmlElement &part, const Context &ctx)
{
    const XmlElement *source = part.firstChild(ctx.coreNamespace, u"source");
    const XmlElement *target = part.firstChild(ctx.coreNamespace, u"target");
    if (source) {
        const QString lang = inheritedXmlAttribute(*source, u"lang");
        if (!lang.isEmpty() && lang.compare(ctx.srcLang, Qt::CaseInsensitive) != 0)
            ctx.error(*source, QStringLiteral("%1<source> has xml:lang '%2' (explicit or inherited) but the document's srcLang is '%3'")
                                   .arg(unitLabel(part), lang, ctx.srcLang) + cite("4.2.2.12"));
    }
    if (!target)
        return;
    if (ctx.trgLang.isEmpty()) {
        ctx.error(*target, QStringLiteral("%1<target> found but <xliff> has no trgLang").arg(unitLabel(part)) + cite("4.2.2.1"));
    } else {
        const QString lang = inheritedXmlAttribute(*target, u"lang");
        if (!lang.isEmpty() && lang.compare(ctx.trgLang, Qt::CaseInsensitive) != 0)
            ctx.error(*target, QStringLiteral("%1<target> has xml:lang '%2' (explicit or inherited) but the document's trgLang is '%3'")
                                   .arg(unitLabel(part), lang, ctx.trgLang) + cite("4.2.2.13"));
    }
    if (source) {
        const QString sourceSpace = inheritedXmlAttribute(*source, u"space", QStringLiteral("default"));
        const QString targetSpace = inheritedXmlAttribute(*target, u"space", QStringLiteral("default"));
        if (sourceSpace != targetSpace)
            ctx.error(*target, QStringLiteral("%1<target> has xml:space '%2' but its <source> has '%3'; they must match")
                                   .arg(unitLabel(part), targetSpace, sourceSpace) + cite("4.7.5"));
    }
}

void checkSegment(const XmlElement &segment, const Context &ctx)
{
    if (segment.hasAttribute(u"subState") && !segment.hasAttribute(u"state"))
        ctx.error(segment, QStringLiteral("%1<segment> has subState but no state; subState refines state")
                               .arg(unitLabel(segment)) + cite("4.2.2.6"));
}

// The order of the targets: each <target>'s order (explicit, or its position among the
// unit's segments and ignorables) is unique and within that count.
void checkTargetOrder(const XmlElement &unit, const Context &ctx)
{
    QHash<qint64, const XmlElement *> used;
    qint64 position = 0;
    const qint64 parts = qint64(unit.childrenNamed(ctx.coreNamespace, u"segment").size()
                                + unit.childrenNamed(ctx.coreNamespace, u"ignorable").size());
    for (const auto &child : unit.children) {
        if (!ctx.isCore(*child, u"segment") && !ctx.isCore(*child, u"ignorable"))
            continue;
        ++position;
        const XmlElement *target = child->firstChild(ctx.coreNamespace, u"target");
        if (!target)
            continue;
        const bool explicitOrder = target->hasAttribute(u"order");
        const qint64 order = explicitOrder ? positiveInteger(target->attribute(u"order")).value_or(0) : position;
        if (order < 1)
            continue; // reported as a value error
        if (order > parts) {
            ctx.error(*target, QStringLiteral("%1<target> order %2 is greater than the %3 segments and ignorables of the unit")
                                   .arg(unitLabel(unit)).arg(order).arg(parts) + cite("4.8.2"));
        } else if (const XmlElement *first = used.value(order)) {
            ctx.error(*target, QStringLiteral("%1<target> order %2 (%3) is already taken by the <target> at line %4")
                                   .arg(unitLabel(unit)).arg(order)
                                   .arg(explicitOrder ? QStringLiteral("explicit") : QStringLiteral("implicit, from its position"))
                                   .arg(first->line) + cite("4.8.2"));
        } else {
            used.insert(order, target);
        }
    }
}

void checkUnit(const XmlElement &unit, const QSet<QString> &fileUnitIds, const Context &ctx)
{
    if (unit.childrenNamed(ctx.coreNamespace, u"segment").isEmpty())
        ctx.error(unit, QStringLiteral("%1<unit> has no <segment>; a unit needs at least one").arg(unitLabel(unit)) + cite("4.2.2.5"));
    for (const auto &child : unit.children) {
        if (ctx.isCore(*child, u"segment"))
            checkSegment(*child, ctx);
        if (ctx.isCore(*child, u"segment") || ctx.isCore(*child, u"ignorable"))
            checkContentLanguageAndSpace(*child, ctx);
    }
    checkTargetOrder(unit, ctx);
    checkUnitInlineContent(unit, fileUnitIds, ctx);
}

void checkSkeleton(const XmlElement &skeleton, const Context &ctx)
{
    const bool hasHref = skeleton.hasAttribute(u"href");
    if (skeleton.isEmpty() && !hasHref)
        ctx.error(skeleton, QStringLiteral("<skeleton> is empty and has no href; it needs one or the other") + cite("4.2.2.3"));
    else if (!skeleton.isEmpty() && hasHref)
        ctx.error(skeleton, QStringLiteral("<skeleton> has both content and an href; it takes one or the other") + cite("4.2.2.3"));
}

void checkFiles(const XmlElement &root, const Context &ctx)
{
    for (const XmlElement *file : root.childrenNamed(ctx.coreNamespace, u"file")) {
        if (const XmlElement *skeleton = file->firstChild(ctx.coreNamespace, u"skeleton"))
            checkSkeleton(*skeleton, ctx);
        const QList<const XmlElement *> units = coreDescendants(*file, ctx, u"unit");
        QSet<QString> unitIds;
        for (const XmlElement *unit : units)
            unitIds.insert(unit->attribute(u"id"));
        for (const XmlElement *unit : units)
            checkUnit(*unit, unitIds, ctx);
    }
}

/// The root is an XLIFF 2 <xliff> of a version this validator knows; without that, no
/// other rule applies.
bool checkRoot(const XmlElement &root, Report &report)
{
    if (root.name != u"xliff") {
        report.error(root, QStringLiteral("not an XLIFF document: the root element is <%1>, not <xliff>").arg(root.qualifiedName));
        return false;
    }
    if (root.namespaceUri != ns::core20 && root.namespaceUri != ns::core22) {
        report.error(root, QStringLiteral("<xliff> is in namespace '%1', not the XLIFF 2 core namespace '%2'")
                               .arg(root.namespaceUri, ns::core20) + cite("4.2.2.1"));
        return false;
    }
    const XmlAttribute *version = root.findAttribute(u"version");
    if (!version) {
        report.error(root, QStringLiteral("<xliff> lacks the required attribute 'version'") + cite("4.2.2.1"));
        return false;
    }
    static const QStringList known = {QStringLiteral("2.0"), QStringLiteral("2.1"), QStringLiteral("2.2")};
    if (!known.contains(version->value)) {
        report.error(root, QStringLiteral("XLIFF version '%1' is not one this validator checks (2.0, 2.1, 2.2)").arg(version->value)
                               + cite("4.2.2.1"));
        return false;
    }
    return true;
}

} // namespace

bool isNmToken(QStringView value)
{
    if (value.isEmpty())
        return false;
    const QList<uint> codePoints = value.toUcs4();
    return std::all_of(codePoints.begin(), codePoints.end(), [](uint c) { return isNameChar(char32_t(c)); });
}

} // namespace xliff2

Diagnostics validateXliff2(const QByteArray &bytes, const QString &path)
{
    using namespace xliff2;
    auto document = parseXmlDocument(bytes, path);
    if (!document)
        return {document.error()};
    const XmlElement &root = *document->root;
    Report report(path);
    if (!checkRoot(root, report))
        return report.take();

    const Context ctx{root.namespaceUri, root.attribute(u"srcLang"), root.attribute(u"trgLang"), &report};
    checkStructure(root, ctx);
    checkStructuralIds(root, ctx);
    checkExtensionIds(root, ctx);
    checkFiles(root, ctx);
    return report.take();
}

} // namespace wb
