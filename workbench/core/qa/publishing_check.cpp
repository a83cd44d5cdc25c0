#include "qa/publishing_check.h"
#include "model/placeholder_text.h"

#include <QRegularExpression>
#include <QSet>

namespace wb {
namespace {

Finding finding(const QString &check, const QString &message, const QRegularExpressionMatch &at)
{
    Finding f;
    f.check = check;
    f.severity = Severity::Error;
    f.message = message;
    f.targetSpan = TextSpan{int(at.capturedStart()), int(at.capturedLength())};
    f.subject = at.captured();
    return f;
}

const QRegularExpression &urlPattern()
{
    // Markdown destinations "](url)", autolinks "<scheme:…>", and bare web addresses.
    static const QRegularExpression pattern(
        QStringLiteral(R"(\]\(\s*<?([^)\s>]+)|<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^>\s]+)>|\b((?:https?://|www\.)[^\s)<>"\]]+))"));
    return pattern;
}

QString destinationOf(const QRegularExpressionMatch &m)
{
    for (int group = 1; group <= 3; ++group)
        if (m.hasCaptured(group) && !m.captured(group).isEmpty())
            return m.captured(group);
    return {};
}

// Trailing sentence punctuation is not part of a bare address.
QString normalizedUrl(QString url)
{
    while (!url.isEmpty() && QStringLiteral(".,;:!?").contains(url.back()))
        url.chop(1);
    return url.toLower();
}

// Every destination the source may legitimately send readers to.
QSet<QString> sourceDestinations(const PoEntry &entry)
{
    QSet<QString> destinations;
    for (const QString &text : {plainTextOf(entry.msgid), entry.extractedComments}) {
        for (auto it = urlPattern().globalMatch(text); it.hasNext();)
            destinations.insert(normalizedUrl(destinationOf(it.next())));
        // "#." lines name what a link placeholder points to: "{1}...{/1} link to URL".
        static const QRegularExpression linkTo(QStringLiteral(R"(link to (\S+))"));
        for (auto it = linkTo.globalMatch(text); it.hasNext();)
            destinations.insert(normalizedUrl(it.next().captured(1)));
    }
    return destinations;
}

void checkHtml(const QString &source, const QString &target, Findings &findings)
{
    static const QRegularExpression script(QStringLiteral(R"(<\s*/?\s*script\b[^>]*>?|\bon[a-z]{3,20}\s*=)"),
                                           QRegularExpression::CaseInsensitiveOption);
    for (auto it = script.globalMatch(target); it.hasNext();) {
        const auto m = it.next();
        findings.append(finding(QStringLiteral("publishing.script"),
                                QStringLiteral("\u201C%1\u201D would run a script on the published page; remove it").arg(m.captured()), m));
    }
    static const QRegularExpression tag(QStringLiteral(R"(<\s*(?:[a-zA-Z][a-zA-Z0-9-]*|/[a-zA-Z][a-zA-Z0-9-]*|!--)[^>]*>?)"));
    for (auto it = tag.globalMatch(target); it.hasNext();) {
        const auto m = it.next();
        if (source.contains(m.captured()) || m.captured().contains(QLatin1Char(':')))
            continue; // the source's own text, or an autolink (checked as a destination)
        findings.append(finding(QStringLiteral("publishing.html"),
                                QStringLiteral("raw HTML \u201C%1\u201D in the translation; formatting belongs in the placeholders")
                                    .arg(m.captured()),
                                m));
    }
}

void checkDestinations(const PoEntry &entry, const QString &target, Findings &findings)
{
    static const QRegularExpression dangerous(QStringLiteral(R"(\b(?:javascript|vbscript|data)\s*:)"),
                                              QRegularExpression::CaseInsensitiveOption);
    for (auto it = dangerous.globalMatch(target); it.hasNext();) {
        const auto m = it.next();
        findings.append(finding(QStringLiteral("publishing.javascript-link"),
                                QStringLiteral("\u201C%1\u201D starts a script or inline-data URL; a published link must never carry one")
                                    .arg(m.captured()),
                                m));
    }
    const QSet<QString> allowed = sourceDestinations(entry);
    for (auto it = urlPattern().globalMatch(target); it.hasNext();) {
        const auto m = it.next();
        const QString url = destinationOf(m);
        if (allowed.contains(normalizedUrl(url)) || url.startsWith(QLatin1String("javascript"), Qt::CaseInsensitive))
            continue;
        findings.append(finding(QStringLiteral("publishing.link-destination"),
                                QStringLiteral("the translation links to \u201C%1\u201D, which the source does not; links come from the "
                                               "source's placeholders")
                                    .arg(url),
                                m));
    }
}

} // namespace

Findings checkPublishingSafety(const PoEntry &entry)
{
    Findings findings;
    if (entry.msgstr.isEmpty())
        return findings;
    checkHtml(entry.msgid, entry.msgstr, findings);
    checkDestinations(entry, entry.msgstr, findings);
    return findings;
}

} // namespace wb
