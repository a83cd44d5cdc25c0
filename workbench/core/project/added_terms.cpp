#include "project/added_terms.h"
#include "common/text_file.h"
#include "glossary/tbx_format.h"
#include "glossary/term_table.h"
#include "glossary/word_list.h"
#include "project/project_context.h"
#include "spell/hunspell_dictionary.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

namespace wb {

QString addedTermsPath(const QString &projectRoot)
{
    return projectRoot + QStringLiteral("/glossary/") + QLatin1String(kAddedTermsName) + QStringLiteral(".tbx");
}

namespace {

Term termOf(const QString &text, const QString &language, const AddedTerm &added)
{
    Term t;
    t.text = text.simplified();
    t.language = language;
    t.status = TermStatus::Preferred;
    t.source = QStringLiteral("added by %1, %2").arg(added.by, added.at.toUTC().toString(Qt::ISODate));
    return t;
}

} // namespace

Result<Concept> addTermToProject(const ProjectContext &project, const AddedTerm &added)
{
    const QString projectRoot = project.root();
    if (added.source.trimmed().isEmpty() || added.target.trimmed().isEmpty())
        return Diagnostic{ErrorKind::Usage, addedTermsPath(projectRoot), 0, 0, QStringLiteral("a term needs both its source and its target words")};
    const QString path = addedTermsPath(projectRoot);
    Termbase termbase;
    if (QFileInfo::exists(path)) {
        auto existing = loadTbx(path);
        if (!existing)
            return existing.error();
        termbase = *existing;
    } else {
        termbase.title = QStringLiteral("Terms added by the project's translators");
        termbase.sourceDescription = QStringLiteral("Added from the PDQ Localization Workbench editor");
    }
    const QString source = added.source.simplified(), target = added.target.simplified();
    auto sameText = [](const Term &t, const QString &text) { return t.text.compare(text, Qt::CaseInsensitive) == 0; };
    Concept *found = nullptr;
    for (Concept &c : termbase.concepts) {
        if (!added.conceptId.isEmpty()) {
            if (c.id == added.conceptId)
                found = &c;
            continue;
        }
        for (const Term &t : c.termsIn(added.sourceLanguage))
            if (sameText(t, source))
                found = &c;
    }
    if (!found) {
        Concept c;
        c.id = !added.conceptId.isEmpty()
                   ? added.conceptId
                   : QStringLiteral("added-") + QString::fromLatin1(QCryptographicHash::hash(source.toLower().toUtf8(), QCryptographicHash::Sha1).toHex().left(10));
        c.terms.append(termOf(source, added.sourceLanguage, added));
        termbase.concepts.append(c);
        found = &termbase.concepts.last();
    }
    const QList<Term> targets = found->termsIn(added.targetLanguage);
    if (std::none_of(targets.cbegin(), targets.cend(), [&](const Term &t) { return sameText(t, target); }))
        found->terms.append(termOf(target, added.targetLanguage, added));
    const Concept saved = *found;

    // Everything computed before anything is written.
    const QByteArray tbx = writeTbx(termbase, added.sourceLanguage);
    const QByteArray tsv = writeTermTable(termbase, TableFormat::Tsv);
    auto base = HunspellDictionary::load(project.settings().dictionaryFor(added.targetLanguage));
    if (!base)
        return base.error();
    const QByteArray words = hunspellWordList(termbase, added.targetLanguage, **base);
    QDir().mkpath(projectRoot + QStringLiteral("/glossary"));
    QDir().mkpath(project.localeFolder(added.targetLanguage));
    const QString dic = project.localeFolder(added.targetLanguage) + QLatin1Char('/') + QLatin1String(kAddedTermsName) + QStringLiteral("-glossary.dic");
    for (const auto &[file, bytes] : {std::pair{path, tbx}, std::pair{QFileInfo(path).path() + QLatin1Char('/') + QLatin1String(kAddedTermsName) + QStringLiteral(".tsv"), tsv},
                                      std::pair{dic, words}})
        if (Status written = writeFileAtomically(file, bytes); !written)
            return written.error();
    return saved;
}

} // namespace wb
