#include "markdown/markdown_escape.h"

namespace wb {
namespace {

bool looksLikeEntity(const QString &text, qsizetype amp)
{
    qsizetype i = amp + 1;
    while (i < text.size() && i - amp <= 32 && (text[i].isLetterOrNumber() || text[i] == QLatin1Char('#')))
        ++i;
    return i > amp + 1 && i < text.size() && text[i] == QLatin1Char(';');
}

// "www." at the start of a word: GFM links it.
bool endsWebPrefix(const QString &text, qsizetype dot)
{
    if (dot < 3 || text.mid(dot - 3, 3).compare(QLatin1String("www"), Qt::CaseInsensitive) != 0)
        return false;
    return dot == 3 || !text[dot - 4].isLetterOrNumber();
}

} // namespace

QString escapeMarkdownText(const QString &input, MarkdownContext context, bool inTableCell)
{
    QString text = input;
    text.replace(QLatin1String("\r\n"), QLatin1String(" "));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));

    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        bool escape = false;
        switch (c.unicode()) {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '~':
            escape = true;
            break;
        case '|':
            escape = inTableCell;
            break;
        case '.':
            escape = context != MarkdownContext::Title && endsWebPrefix(text, i);
            break;
        case ':':
            escape = context != MarkdownContext::Title && text.mid(i + 1, 2) == QLatin1String("//");
            break;
        case '&':
            escape = looksLikeEntity(text, i);
            break;
        case '"': case '\'': case '(': case ')':
            escape = context == MarkdownContext::Title;
            break;
        default:
            break;
        }
        if (escape && c == QLatin1Char('&'))
            out += QLatin1String("&amp;");
        else if (c == QLatin1Char('\\') && context == MarkdownContext::Title)
            out += QLatin1String("&#92;"); // cmark reads "\\)" in a "(title)" as an escaped ")"
        else {
            if (escape)
                out += QLatin1Char('\\');
            out += c;
        }
    }

    if (context == MarkdownContext::LineStart && !out.isEmpty()) {
        // Block markers only count at the start of a line: "# ", "> ", "- ", "1. ", "~~~".
        const QChar first = out[0];
        if (QStringLiteral("#>+-=~|").contains(first))
            out.prepend(QLatin1Char('\\'));
        else if (first.isDigit()) {
            qsizetype i = 0;
            while (i < out.size() && out[i].isDigit() && out[i].unicode() < 128)
                ++i;
            if (i <= 9 && i < out.size() && (out[i] == QLatin1Char('.') || out[i] == QLatin1Char(')')))
                out.insert(i, QLatin1Char('\\'));
        }
    }
    return out;
}

} // namespace wb
