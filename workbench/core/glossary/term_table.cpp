#include "glossary/term_table.h"
#include "common/text_file.h"
#include "text/text_key.h"

#include <QHash>

namespace wb {
namespace {

const QStringList kColumns = {QStringLiteral("concept"), QStringLiteral("language"), QStringLiteral("term"),
                              QStringLiteral("status"), QStringLiteral("part_of_speech"), QStringLiteral("gender"),
                              QStringLiteral("term_type"), QStringLiteral("note"), QStringLiteral("source"),
                              QStringLiteral("definition"), QStringLiteral("subject_field"),
                              QStringLiteral("subset")};

QString field(const QString &value, TableFormat format)
{
    if (format == TableFormat::Tsv) {
        QString clean = value;
        clean.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
        return clean;
    }
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// Splits a table into rows of fields. CSV follows RFC 4180 (quoted fields may hold
// commas, quotes and line breaks); TSV has no quoting.
QList<QStringList> splitRows(const QString &text, TableFormat format)
{
    QList<QStringList> rows;
    QStringList row;
    QString current;
    bool quoted = false;
    const QChar separator = format == TableFormat::Tsv ? QLatin1Char('\t') : QLatin1Char(',');
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (format == TableFormat::Csv && quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                current += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                current += c;
            }
        } else if (format == TableFormat::Csv && c == QLatin1Char('"') && current.isEmpty()) {
            quoted = true;
        } else if (c == separator) {
            row.append(current);
            current.clear();
        } else if (c == QLatin1Char('\n')) {
            if (current.endsWith(QLatin1Char('\r')))
                current.chop(1);
            row.append(current);
            current.clear();
            rows.append(row);
            row.clear();
        } else {
            current += c;
        }
    }
    if (!current.isEmpty() || !row.isEmpty()) {
        row.append(current);
        rows.append(row);
    }
    return rows;
}

} // namespace

QByteArray writeTermTable(const Termbase &termbase, TableFormat format)
{
    const QString separator = format == TableFormat::Tsv ? QStringLiteral("\t") : QStringLiteral(",");
    QString out = kColumns.join(separator) + QLatin1Char('\n');
    for (const Concept &c : termbase.concepts) {
        bool firstOfConcept = true;
        QStringList languagesSeen;
        for (const Term &t : c.terms) {
            const bool firstOfLanguage = !languagesSeen.contains(t.language);
            languagesSeen.append(t.language);
            const QStringList values = {c.id, t.language, t.text, termStatusName(t.status), t.partOfSpeech, t.gender,
                                        t.termType, t.note, t.source,
                                        firstOfLanguage ? c.definitions.value(t.language) : QString(),
                                        firstOfConcept ? c.subjectField : QString(),
                                        firstOfConcept ? c.subsets.join(QLatin1Char(' ')) : QString()};
            QStringList fields;
            for (const QString &v : values)
                fields.append(field(v, format));
            out += fields.join(separator) + QLatin1Char('\n');
            firstOfConcept = false;
        }
    }
    return out.toUtf8();
}

Result<Termbase> readTermTable(const QByteArray &bytes, TableFormat format, const QString &path)
{
    if (Status utf8 = checkUtf8(bytes, path); !utf8)
        return utf8.error();
    QString text = toNfc(QString::fromUtf8(bytes));
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const QList<QStringList> rows = splitRows(text, format);
    if (rows.isEmpty())
        return Diagnostic{ErrorKind::InvalidInput, path, 0, 0, QStringLiteral("empty table")};
    QHash<QString, int> column;
    for (int i = 0; i < rows.first().size(); ++i)
        column.insert(rows.first()[i].trimmed().toLower(), i);
    for (const char *required : {"concept", "language", "term"})
        if (!column.contains(QLatin1String(required)))
            return Diagnostic{ErrorKind::InvalidInput, path, 1, 0,
                              QStringLiteral("the header has no \"%1\" column").arg(QLatin1String(required))};

    Termbase termbase;
    QHash<QString, qsizetype> conceptIndex;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &row = rows[r];
        auto value = [&](const char *name) {
            const int i = column.value(QLatin1String(name), -1);
            return i >= 0 && i < row.size() ? row[i].trimmed() : QString();
        };
        if (row.size() == 1 && row.first().trimmed().isEmpty())
            continue;
        const int line = int(r + 1);
        const QString id = value("concept");
        Term term;
        term.text = value("term");
        term.language = value("language");
        if (id.isEmpty() || term.text.isEmpty())
            return Diagnostic{ErrorKind::InvalidInput, path, line, 0, QStringLiteral("row without a concept or a term")};
        if (term.language.isEmpty())
            return Diagnostic{ErrorKind::InvalidInput, path, line, 0,
                              QStringLiteral("term \"%1\" has no language").arg(term.text)};
        const QString status = value("status");
        if (!status.isEmpty()) {
            auto parsed = termStatusFromName(status);
            if (!parsed)
                return Diagnostic{ErrorKind::InvalidInput, path, line, 0, QStringLiteral("unknown status \"%1\"").arg(status)};
            term.status = *parsed;
        }
        term.partOfSpeech = value("part_of_speech");
        term.gender = value("gender");
        term.termType = value("term_type");
        term.note = value("note");
        term.source = value("source");
        if (!conceptIndex.contains(id)) {
            conceptIndex.insert(id, termbase.concepts.size());
            termbase.concepts.append(Concept{id, {}, {}, {}, {}});
        }
        Concept &c = termbase.concepts[conceptIndex.value(id)];
        if (!value("definition").isEmpty())
            c.definitions.insert(term.language, value("definition"));
        if (!value("subject_field").isEmpty())
            c.subjectField = value("subject_field");
        for (const QString &subset : value("subset").split(QLatin1Char(' '), Qt::SkipEmptyParts))
            if (!c.subsets.contains(subset))
                c.subsets.append(subset);
        c.terms.append(term);
    }
    return termbase;
}

} // namespace wb
