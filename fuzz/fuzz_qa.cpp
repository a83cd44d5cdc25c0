// libFuzzer harness: the QA checks over random source/target unit pairs.
//
// Input: "source\0target" (UTF-8, decoded leniently); without a NUL byte the input is cut
// in half. Texts use the unit placeholder syntax ({1}..{/1}, {2/}, {{). The full
// CheckSuite of the bundled project (glossary, Hunspell dictionaries, negation lists,
// numbers, markup, punctuation, whitespace, consistency against the bundled Spanish
// catalog, length, terminology) is loaded once, then every input runs through it as an
// EN->ES unit through runChecks. Invariants:
//   - every finding has a check name, a message, and spans inside the text they point into;
//   - maskPlaceholders keeps the length of the text.
#include "fuzz_common.h"

#include "model/placeholder_text.h"
#include "qa/check_suite.h"
#include "qa/number_check.h"
#include "qa/qa_runner.h"
#include "qa/text_checks.h"

using namespace wb;

namespace {
std::shared_ptr<CheckSuite> g_suite;
const QString kPath = QStringLiteral("fuzz.po");

void checkFinding(const Finding &f, const QString &source, const QString &target)
{
    const QString where = QStringLiteral("%1: %2 (target span %3+%4 of %5, source span %6+%7 of %8)")
                              .arg(f.check, f.message).arg(f.targetSpan.start).arg(f.targetSpan.length).arg(target.size())
                              .arg(f.sourceSpan.start).arg(f.sourceSpan.length).arg(source.size());
    WB_FUZZ_CHECK(!f.check.isEmpty() && !f.message.isEmpty(), where);
    if (f.targetSpan.isValid())
        WB_FUZZ_CHECK(f.targetSpan.length >= 0 && f.targetSpan.start + f.targetSpan.length <= target.size(), where);
    if (f.sourceSpan.isValid())
        WB_FUZZ_CHECK(f.sourceSpan.length >= 0 && f.sourceSpan.start + f.sourceSpan.length <= source.size(), where);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    auto suite = CheckSuite::load(fuzz::sourceDir(), QStringLiteral("en"), QStringLiteral("es"), {});
    if (!suite) {
        std::fprintf(stderr, "cannot load the bundled project's checks: %s\n", qPrintable(suite.error().toString()));
        std::abort();
    }
    g_suite = *suite;
    auto catalog = PoCatalog::read(fuzz::sourceDir() + QStringLiteral("/locales/es/adult-all-treatment.po"));
    if (catalog)
        g_suite->addForConsistency(*catalog);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);
    qsizetype cut = bytes.indexOf('\0');
    const qsizetype skip = cut < 0 ? 0 : 1;
    if (cut < 0)
        cut = bytes.size() / 2;
    const QString source = QString::fromUtf8(bytes.left(cut));
    const QString target = QString::fromUtf8(bytes.mid(cut + skip));

    WB_FUZZ_CHECK(maskPlaceholders(source).size() == source.size(), source);
    WB_FUZZ_CHECK(maskPlaceholders(target).size() == target.size(), target);
    (void)placeholderMismatch(source, target);
    (void)plainTextOf(target);

    // One unit through runChecks, which calls checkUnit: a translated unit whose comments may
    // look like a suppression (the suppression parser is fuzzed too). Every finding is checked.
    PoEntry entry;
    entry.context = QStringLiteral("fuzz-unit");
    entry.msgid = source;
    entry.msgstr = target;
    entry.line = 1;
    entry.translatorComments = target.left(64);
    PoCatalog catalog;
    catalog.entries.append(entry);
    QaReport report;
    runChecks(catalog, kPath, [](const PoEntry &e) { return g_suite->checkUnit(e); }, {Severity::Info, true}, report);
    for (const QaReport::Located &l : report.findings) {
        WB_FUZZ_CHECK(l.file == kPath, l.file);
        checkFinding(l.finding, source, target);
    }
    (void)report.toJson();
    return 0;
}
