#include "qa/check_suite.h"
#include "glossary/tbx_format.h"
#include "project/language_resources.h"
#include "qa/terminology_check.h"

namespace wb {

CheckSuite::~CheckSuite() = default;

Result<std::shared_ptr<CheckSuite>> CheckSuite::load(const QString &projectRoot, const QString &sourceLanguage,
                                                     const QString &targetLanguage, const QStringList &glossaries)
{
    auto termbase = loadProjectGlossary(projectRoot);
    if (!termbase)
        return termbase.error();
    for (const QString &path : glossaries) {
        auto extra = loadTbx(path);
        if (!extra)
            return extra.error();
        (*termbase)->merge(*extra);
    }
    auto sourceDictionary = loadProjectDictionary(projectRoot, sourceLanguage);
    if (!sourceDictionary)
        return sourceDictionary.error();
    auto targetDictionary = loadProjectDictionary(projectRoot, targetLanguage);
    if (!targetDictionary)
        return targetDictionary.error();
    std::shared_ptr<CheckSuite> suite(new CheckSuite);
    suite->m_termbase = *termbase;
    suite->m_terminology = std::make_unique<TerminologyChecker>(*termbase, sourceLanguage, targetLanguage,
                                                                *sourceDictionary, *targetDictionary);
    return suite;
}

QList<UnitCheck> CheckSuite::checks()
{
    return {[this](const PoEntry &entry) { return m_terminology->check(entry.msgid, entry.msgstr); }};
}

} // namespace wb
