#pragma once
#include <QHash>
#include <QString>

class QXmlStreamReader;
class QXmlStreamWriter;

namespace wb {

enum class XliffVersion { V12, V2 };

/// Writes unit text as XLIFF content: paired placeholders become <pc> (2.x) or <g> (1.2),
/// standalone ones <ph> or <x>. Codes that do not nest (a translator's crossed pair, or
/// half of one) become <sc>/<ec> or <bx>/<ex>, so the file stays valid whatever the text.
void writeInlineText(QXmlStreamWriter &xml, const QString &unitText, XliffVersion version);

/// Inline ids of one unit mapped to placeholder numbers, shared by its source and target
/// so that their codes line up. Small numeric ids keep their value.
class InlineNumbering {
public:
    int numberOf(const QString &id);

private:
    QHash<QString, int> m_assigned;
    int m_next = 1000;
};

/// The content of <source>, <target> or <seg-source>/<mrk>: the reader is on the start
/// element and ends on its end element.
struct InlineContent {
    QString text;       ///< placeholder syntax, literal '{' escaped
    QString raw;        ///< the same with literal text as it stands
    bool hasCodes = false;
};
InlineContent readInlineContent(QXmlStreamReader &xml, InlineNumbering &numbering);

} // namespace wb
