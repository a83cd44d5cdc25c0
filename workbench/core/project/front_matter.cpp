#include "project/front_matter.h"

#include <QList>
#include <QPair>
#include <QRegularExpression>

namespace wb {
namespace {

// A YAML double-quoted scalar: safe whatever the title holds (colons, quotes, #).
QByteArray yamlString(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    escaped.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return '"' + escaped.toUtf8() + '"';
}

QList<QPair<QByteArray, QByteArray>> keysOf(const PublishingFacts &facts)
{
    QList<QPair<QByteArray, QByteArray>> keys = {
        {"title", yamlString(facts.title)},
        {"lang", facts.language.toUtf8()},
        {"workbench-source", yamlString(facts.source)},
        {"workbench-source-sha1", facts.sourceSha1.toUtf8()},
        {"workbench-status", facts.status.toUtf8()},
        {"workbench-units", QByteArray::number(facts.units)},
        {"workbench-source-language-units", QByteArray::number(facts.sourceLanguageUnits)},
        {"workbench-include", facts.include.toUtf8()},
    };
    if (facts.reviewScore) {
        keys.append({QByteArray("workbench-review-score"), QByteArray::number(*facts.reviewScore, 'f', 2)});
        keys.append({QByteArray("workbench-review-result"), QByteArray(facts.reviewPassed ? "pass" : "fail")});
    }
    return keys;
}

} // namespace

QByteArray withFrontMatter(const QByteArray &markdown, const PublishingFacts &facts)
{
    const qsizetype bom = markdown.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    // The document's own front matter, "---" to "---", either line ending.
    static const QRegularExpression existing(QStringLiteral("\\A---\\r?\\n(.*?\\r?\\n)?---\\r?\\n"),
                                             QRegularExpression::DotMatchesEverythingOption);
    const QString head = QString::fromUtf8(markdown.mid(bom, 64 * 1024));
    const QRegularExpressionMatch match = existing.match(head);
    const QString ownBlock = match.hasMatch() ? match.captured(1) : QString();
    const QByteArray newline = ownBlock.contains(QLatin1String("\r\n")) ? "\r\n" : "\n";

    QByteArray lines;
    for (const auto &[key, value] : keysOf(facts)) {
        static const QString keyLine = QStringLiteral("(^|\\n)%1\\s*:");
        if (match.hasMatch() && QRegularExpression(keyLine.arg(QRegularExpression::escape(QString::fromUtf8(key)))).match(ownBlock).hasMatch())
            continue; // the author set it; their value stands
        lines += key + ": " + value + newline;
    }
    QByteArray out = markdown;
    if (match.hasMatch()) {
        // Just before the closing "---" of the document's own block (offsets in bytes).
        const qsizetype closingLine = bom + match.captured(0).toUtf8().size() - 3 - newline.size();
        out.insert(closingLine, lines);
        return out;
    }
    out.insert(bom, "---\n" + lines + "---\n\n");
    return out;
}

} // namespace wb
