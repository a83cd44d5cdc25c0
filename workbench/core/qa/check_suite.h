#pragma once
#include "common/result.h"
#include "qa/qa_runner.h"
#include <memory>

namespace wb {

class TerminologyChecker;
struct Termbase;

/// Everything the QA checks of one language pair need, loaded once: the project's
/// glossary, Hunspell dictionaries with the project's word lists, and the checks.
class CheckSuite {
public:
    /// `glossaries`: extra TBX files on top of the project's glossary/*.tbx.
    static Result<std::shared_ptr<CheckSuite>> load(const QString &projectRoot, const QString &sourceLanguage,
                                                    const QString &targetLanguage, const QStringList &glossaries = {});
    ~CheckSuite();

    QList<UnitCheck> checks();
    TerminologyChecker &terminology() { return *m_terminology; }
    std::shared_ptr<const Termbase> termbase() const { return m_termbase; }

private:
    CheckSuite() = default;
    std::shared_ptr<const Termbase> m_termbase;
    std::unique_ptr<TerminologyChecker> m_terminology;
};

} // namespace wb
