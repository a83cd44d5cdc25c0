#include "qa/text_checks.h"
#include "model/placeholder_text.h"
#include "qa/number_check.h"

#include <QRegularExpression>
#include <QSet>

namespace wb {
namespace {

Finding make(const QString &check, Severity severity, const QString &message, TextSpan target = {})
{
    Finding f;
    f.check = check;
    f.severity = severity;
    f.message = message;
    f.targetSpan = target;
    return f;
}

// The last character that counts as the end of a sentence: closing quotes, brackets,
// placeholders and spaces are looked through.
QChar finalMark(const QString &text)
{
    const QString masked = maskPlaceholders(text);
    for (qsizetype i = masked.size() - 1; i >= 0; --i) {
        const QChar c = masked[i];
        if (c.isSpace() || QStringLiteral("\"'”’»)]").contains(c))
            continue;
        return QStringLiteral(".?!:;").contains(c) ? c : QChar();
    }
    return {};
}

} // namespace

Findings checkMarkup(const QString &source, const QString &target)
{
    Findings findings;
    if (const QString problem = placeholderMismatch(source, target); !problem.isEmpty())
        findings.append(make(QStringLiteral("markup.placeholders"), Severity::Error,
                             QStringLiteral("placeholders differ from the source: %1").arg(problem)));
    // HTML tags are publishing.html's (an error there): this warns about Markdown only.
    static const QRegularExpression typed(QStringLiteral(R"(\*\*|__|`|\]\()"));
    const QString plainSource = plainTextOf(source);
    for (auto it = typed.globalMatch(target); it.hasNext();) {
        const auto m = it.next();
        if (plainSource.contains(m.captured()))
            continue; // the source has the same characters as text
        findings.append(make(QStringLiteral("markup.typed"), Severity::Warning,
                             QStringLiteral("\u201C%1\u201D is Markdown typed as text; it will be shown literally. Use the placeholders to format")
                                 .arg(m.captured()),
                             TextSpan{int(m.capturedStart()), int(m.capturedLength())}));
        break;
    }
    return findings;
}

Findings checkPunctuation(const QString &source, const QString &target, const QString &targetLanguage)
{
    Findings findings;
    const QString text = maskPlaceholders(target);
    if (targetLanguage.startsWith(QLatin1String("es"))) {
        // Per sentence: every "?" needs an earlier "¿", every "¿" a later "?" (same for ¡ !).
        struct Pair { QChar open, close; QList<int> pending; };
        Pair pairs[] = {{QChar(0x00BF), QLatin1Char('?'), {}}, {QChar(0x00A1), QLatin1Char('!'), {}}};
        auto flushOpen = [&](Pair &p) {
            for (int at : p.pending)
                findings.append(make(QStringLiteral("punctuation.inverted"), Severity::Error,
                                     QStringLiteral("\u201C%1\u201D is never closed with \u201C%2\u201D").arg(p.open).arg(p.close),
                                     TextSpan{at, 1}));
            p.pending.clear();
        };
        for (int i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            for (Pair &p : pairs) {
                if (c == p.open) {
                    p.pending.append(i);
                } else if (c == p.close) {
                    if (p.pending.isEmpty())
                        findings.append(make(QStringLiteral("punctuation.inverted"), Severity::Error,
                                             QStringLiteral("\u201C%1\u201D has no opening \u201C%2\u201D before it").arg(p.close).arg(p.open),
                                             TextSpan{i, 1}));
                    else
                        p.pending.removeLast();
                }
            }
            if (c == QLatin1Char('.') && i + 1 < text.size() && text[i + 1].isSpace())
                for (Pair &p : pairs)
                    flushOpen(p);
        }
        for (Pair &p : pairs)
            flushOpen(p);
    }
    const QChar sourceEnd = finalMark(source);
    const QChar targetEnd = finalMark(target);
    if (sourceEnd != targetEnd && !(sourceEnd.isNull() && targetEnd == QLatin1Char('.')))
        findings.append(make(QStringLiteral("punctuation.final"), Severity::Warning,
                             QStringLiteral("the source ends with %1 but the target with %2")
                                 .arg(sourceEnd.isNull() ? QStringLiteral("no punctuation") : QStringLiteral("\u201C%1\u201D").arg(sourceEnd),
                                      targetEnd.isNull() ? QStringLiteral("no punctuation") : QStringLiteral("\u201C%1\u201D").arg(targetEnd))));
    return findings;
}

Findings checkWhitespace(const QString &source, const QString &target)
{
    Findings findings;
    static const QRegularExpression doubled(QStringLiteral("[ \\t]{2,}"));
    if (!source.contains(doubled))
        if (auto m = doubled.match(target); m.hasMatch())
            findings.append(make(QStringLiteral("whitespace.double"), Severity::Warning, QStringLiteral("doubled space"),
                                 TextSpan{int(m.capturedStart()), int(m.capturedLength())}));
    const bool sourceLeading = !source.isEmpty() && source.front().isSpace();
    const bool sourceTrailing = !source.isEmpty() && source.back().isSpace();
    if (!target.isEmpty() && target.front().isSpace() && !sourceLeading)
        findings.append(make(QStringLiteral("whitespace.edges"), Severity::Warning, QStringLiteral("leading space"), TextSpan{0, 1}));
    if (!target.isEmpty() && target.back().isSpace() && !sourceTrailing)
        findings.append(make(QStringLiteral("whitespace.edges"), Severity::Warning, QStringLiteral("trailing space"),
                             TextSpan{int(target.size() - 1), 1}));
    static const QRegularExpression beforePunctuation(QStringLiteral(" [,.;:?!](?!\\d)"));
    if (auto m = beforePunctuation.match(target); m.hasMatch() && !source.contains(beforePunctuation))
        findings.append(make(QStringLiteral("whitespace.before-punctuation"), Severity::Warning,
                             QStringLiteral("space before \u201C%1\u201D").arg(m.captured().trimmed()),
                             TextSpan{int(m.capturedStart()), 1}));
    return findings;
}

Findings checkUntranslated(const QString &source, const QString &target, const std::function<bool(const QString &)> &readsAsTarget)
{
    Findings findings;
    if (target.trimmed() != source.trimmed() || readsAsTarget(source))
        return findings;
    // A label of one or two words may rightly stay as it is ("Mucus", "RBCs", "Test ID"):
    // worth a look. A copied sentence is an error.
    const qsizetype words = source.simplified().count(QLatin1Char(' ')) + 1;
    findings.append(make(QStringLiteral("untranslated.copy"), words <= 2 ? Severity::Warning : Severity::Error,
                         QStringLiteral("the target is the source text, untranslated"), TextSpan{0, int(target.size())}));
    return findings;
}

Findings checkLength(const QString &source, const QString &target)
{
    Findings findings;
    const qsizetype sourceLength = plainTextOf(source).trimmed().size();
    const qsizetype targetLength = plainTextOf(target).trimmed().size();
    if (sourceLength < 20 || targetLength == 0)
        return findings;
    const double ratio = double(targetLength) / double(sourceLength);
    if (ratio < 0.6 || ratio > 2.0)
        findings.append(make(QStringLiteral("length"), Severity::Warning,
                             QStringLiteral("the target is %1% of the source's length; Spanish usually needs 100-130%: is something missing or added?")
                                 .arg(qRound(ratio * 100))));
    return findings;
}

} // namespace wb
