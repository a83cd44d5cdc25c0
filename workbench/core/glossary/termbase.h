#pragma once
#include "common/language_tag.h"
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace wb {

/// How a term may be used (TBX administrativeStatus).
enum class TermStatus {
    Preferred,   ///< preferredTerm-admn-sts: the term to use
    Admitted,    ///< admittedTerm-admn-sts: an accepted variant
    Deprecated,  ///< deprecatedTerm-admn-sts: forbidden (its note says why)
    Superseded,  ///< supersededTerm-admn-sts: outdated, should be replaced
};
QString termStatusName(TermStatus status);               ///< "preferred", "admitted", "deprecated", "superseded"
std::optional<TermStatus> termStatusFromName(const QString &name); ///< accepts both short and TBX forms

/// One term of a concept in one language.
struct Term {
    QString text;
    QString language;      ///< "en", "es"
    TermStatus status = TermStatus::Preferred;
    QString partOfSpeech;  ///< noun, verb, adjective, adverb, other
    QString gender;        ///< masculine, feminine, neuter, other
    QString termType;      ///< fullForm, acronym, abbreviation, shortForm, variant, phrase
    QString note;          ///< why a term is deprecated, usage notes
    QString source;        ///< e.g. "NCI Dictionary of Cancer Terms, termId 45861"

    bool isAcceptable() const { return status == TermStatus::Preferred || status == TermStatus::Admitted; }
    bool isAcronym() const;   ///< termType acronym/abbreviation, or written in capitals
    friend bool operator==(const Term &, const Term &) = default;
};

/// A concept: terms in several languages that name the same thing.
struct Concept {
    QString id;
    QString subjectField;
    /// TBX projectSubset values of the concept. kCriticalSubset marks a concept whose
    /// wrong rendering harms a patient (bone marrow / spinal cord): its missing term is
    /// an error, where other concepts' is a warning.
    QStringList subsets;
    QMap<QString, QString> definitions;       ///< language -> definition
    QMap<QString, QString> definitionSources; ///< language -> source of the definition
    QList<Term> terms;

    bool isCritical() const;
    QList<Term> termsIn(const QString &language) const;
    /// The preferred term in a language (the first acceptable one when none is marked).
    const Term *preferred(const QString &language) const;
};

/// The projectSubset value that marks a patient-safety-critical concept.
inline constexpr const char *kCriticalSubset = "patient-safety-critical";

/// A termbase: what TBX, TSV and CSV files are read into and written from.
struct Termbase {
    QString title;
    QString sourceDescription;
    QList<Concept> concepts;

    const Concept *findConcept(const QString &id) const;
    /// Appends the concepts of another termbase; a concept id already present is merged.
    void merge(const Termbase &other);
};

} // namespace wb
