#include "project/front_matter.h"
#include "markdown/front_matter_block.h"
#include "common/text_file.h"

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
    const auto own = findFrontMatter(markdown);
    const QString ownBlock = own ? QString::fromUtf8(markdown.mid(own->bodyStart, own->closingLine - own->bodyStart)) : QString();
    const QByteArray newline = own ? own->newline : QByteArray("\n");
    QByteArray lines;
    for (const auto &[key, value] : keysOf(facts)) {
        static const QString keyLine = QStringLiteral("(^|\\n)%1\\s*:");
        if (own && QRegularExpression(keyLine.arg(QRegularExpression::escape(QString::fromUtf8(key)))).match(ownBlock).hasMatch())
            continue; // the author set it; their value stands
        lines += key + ": " + value + newline;
    }
    QByteArray out = markdown;
    if (own) {
        out.insert(own->closingLine, lines); // just before the document's own closing line
        return out;
    }
    out.insert(utf8BomLength(markdown), "---\n" + lines + "---\n\n");
    return out;
}

} // namespace wb
