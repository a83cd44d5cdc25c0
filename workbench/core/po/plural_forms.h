#pragma once
#include "common/result.h"
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace wb {

/// One CLDR relation ("i mod 10 in 2..4") restricted to whole numbers: operands other
/// than n and i are 0 there, so such relations are constants.
struct PluralRelation {
    bool usesNumber = true;   ///< operand n or i (else v, w, f, t, c, e: 0 for whole numbers)
    qint64 modulus = 0;       ///< 0: none
    bool negated = false;     ///< "not in", "!="
    QList<QPair<qint64, qint64>> ranges;
    bool holdsFor(qint64 n) const;
};
using PluralCondition = QList<QList<PluralRelation>>; ///< OR of ANDs

/// gettext's Plural-Forms for a language, derived from ICU's CLDR plural rules rather
/// than a hand-kept table. Categories no whole number reaches (e.g. "many" for decimals
/// only) are left out, as gettext's ngettext only ever sees whole numbers.
struct PluralForms {
    int count = 1;               ///< nplurals
    QString expression;          ///< the C expression after "plural="
    QStringList keywords;        ///< CLDR category of each form, in order ("one", "many", "other")
    QList<PluralCondition> conditions; ///< one per form but the last ("other")

    QString headerValue() const; ///< "nplurals=3; plural=...;"
    int formFor(qint64 n) const; ///< the form index the expression selects for n
};

Result<PluralForms> pluralFormsFor(const QString &language);

} // namespace wb
