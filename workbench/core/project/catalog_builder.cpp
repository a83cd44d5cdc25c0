#include "project/catalog_builder.h"
#include "po/plural_forms.h"

#include <QHash>
#include <unicode/locid.h>

namespace wb {
namespace {

QString languageName(const QString &language)
{
    icu::UnicodeString name;
    icu::Locale(language.toUtf8().constData()).getDisplayName(icu::Locale::getEnglish(), name);
    std::string utf8;
    name.toUTF8String(utf8);
    return QString::fromStdString(utf8);
}

} // namespace

PoCatalog templateCatalog(const SegmentedDocument &doc, const QString &sourceName, const QDateTime &now)
{
    PoCatalog pot;
    pot.header = QStringLiteral("Project-Id-Version: %1\nPOT-Creation-Date: %2\nMIME-Version: 1.0\n"
                                "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
                                "X-Source-Language: %3\n")
                     .arg(sourceName, poTimestamp(now.toUTC()), doc.language);
    for (const SourceUnit &unit : doc.units) {
        PoEntry entry;
        entry.context = unit.id;
        entry.msgid = unit.text;
        entry.references.append({sourceName, unit.line});
        QStringList notes{unit.kind};
        for (const Placeholder &ph : unit.placeholders) {
            const QString form = ph.closeFlow >= 0 ? QStringLiteral("{%1}...{/%1}").arg(ph.number)
                                                   : QStringLiteral("{%1/}").arg(ph.number);
            notes.append(QStringLiteral("%1 %2").arg(form, ph.label));
        }
        entry.extractedComments = notes.join(QLatin1Char('\n'));
        pot.entries.append(entry);
    }
    return pot;
}

Result<QString> catalogHeader(const QString &existingHeader, const QString &documentName, const QString &language,
                              const QString &translator, const QDateTime &now)
{
    auto plural = pluralFormsFor(language);
    if (!plural)
        return plural.error();
    PoCatalog holder;
    holder.header = existingHeader;
    auto keepOr = [&](const QString &field, const QString &fallback) {
        const QString current = holder.headerField(field);
        holder.setHeaderField(field, current.isEmpty() ? fallback : current);
    };
    keepOr(QStringLiteral("Project-Id-Version"), documentName);
    keepOr(QStringLiteral("POT-Creation-Date"), poTimestamp(now.toUTC()));
    keepOr(QStringLiteral("PO-Revision-Date"), poTimestamp(now.toUTC()));
    keepOr(QStringLiteral("Last-Translator"), translator);
    keepOr(QStringLiteral("Language-Team"), languageName(language));
    holder.setHeaderField(QStringLiteral("Language"), language);
    holder.setHeaderField(QStringLiteral("MIME-Version"), QStringLiteral("1.0"));
    holder.setHeaderField(QStringLiteral("Content-Type"), QStringLiteral("text/plain; charset=UTF-8"));
    holder.setHeaderField(QStringLiteral("Content-Transfer-Encoding"), QStringLiteral("8bit"));
    holder.setHeaderField(QStringLiteral("Plural-Forms"), plural->headerValue());
    return holder.header;
}

} // namespace wb
