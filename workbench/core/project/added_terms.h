#pragma once
#include "common/result.h"
#include "glossary/termbase.h"
#include <QDateTime>
#include <QString>

namespace wb {

class ProjectContext;

/// A term a translator adds from the editor: the source words, what to write for them, who and when.
struct AddedTerm {
    QString sourceLanguage;
    QString source;
    QString targetLanguage;
    QString target;
    QString by;
    QDateTime at;
    /// The concept of the project's glossary that already names the source term, if any: the
    /// addition is written under its id, so the glossaries merge into one concept instead of
    /// two competing ones.
    QString conceptId = {};
};

/// The project's TBX for terms translators add (glossary/added-terms.tbx). It is one of the
/// project's glossary/*.tbx, so every check and the editor read it like the curated ones,
/// which stay untouched.
QString addedTermsPath(const QString &projectRoot);
/// The name every file made for added terms starts with (glossary/added-terms.tbx and .tsv,
/// locales/LANG/added-terms-glossary.dic): loading tells them from a project's own files by it.
inline constexpr char kAddedTermsName[] = "added-terms";

/// Adds the term to glossary/added-terms.tbx (under `conceptId` when given, else a new
/// concept, or a new target term of the concept this source term already has there) and regenerates what derives from it, as
/// scripts/generate-glossary-files does: glossary/added-terms.tsv and the Hunspell word list
/// locales/<target>/added-terms-glossary.dic. Every file is written atomically; a file that
/// cannot be read or written is the error, naming it. Returns the concept as saved.
Result<Concept> addTermToProject(const ProjectContext &project, const AddedTerm &term);

} // namespace wb
