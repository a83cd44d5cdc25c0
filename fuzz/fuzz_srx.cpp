// libFuzzer harness: SRX 2.0 rules (SrxRules::parse) and segmenting with them.
//
// Input: an SRX file's bytes. The rules for English and Spanish are compiled into a
// SentenceSegmenter (ICU regular expressions) and segment a sample text. Invariants:
//   - a failure is a diagnostic naming the file (and a rule that does not compile, its line);
//   - boundaries are strictly ascending and strictly inside the text (SentenceSegmenter's
//     documented contract), and segmenting the same text twice gives the same answer.
#include "fuzz_common.h"

#include "segment/sentence_segmenter.h"
#include "segment/srx_rules.h"

using namespace wb;

namespace {
const QString kPath = QStringLiteral("fuzz.srx");

// Abbreviations, numbers, ellipses, quotes, Spanish marks, a URL, non-breaking spaces and a
// character outside the BMP: what SRX rules are written for.
const QString kSample = QStringLiteral(
    "Dr. Smith gave 2.5 mg. at 10 a.m. Then he left! Did he? Yes... \u201CNo.\u201D See www.cancer.gov. "
    "E.g. this one, i.e. that one. \u00BFQu\u00E9 es? \u00A1S\u00ED! Sr. P\u00E9rez tiene 3,5 cm.\u00A0Fin. "
    "U.S.A. (1) Item.\n\nNew paragraph\u2026 \U0001F600 Done.  Two  spaces.\tTab. ");

void checkBoundaries(const QList<int> &boundaries, const QString &text, const QString &language)
{
    int previous = 0;
    for (int b : boundaries) {
        WB_FUZZ_CHECK(b > previous && b < text.size(),
                      QStringLiteral("%1: boundary %2 after %3 in a text of %4").arg(language).arg(b).arg(previous).arg(text.size()));
        previous = b;
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto rules = SrxRules::parse(fuzz::bytesOf(data, size), kPath);
    if (!rules) {
        WB_FUZZ_CHECK(rules.error().file == kPath && !rules.error().message.isEmpty(), rules.error().toString());
        return 0;
    }
    (void)rules->ruleSetNames();
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("es-US")}) {
        const QList<SrxRule> forLanguage = rules->rulesFor(language);
        auto segmenter = SentenceSegmenter::create(language, forLanguage, kPath);
        if (!segmenter) {
            WB_FUZZ_CHECK(segmenter.error().file == kPath && segmenter.error().line > 0, segmenter.error().toString());
            continue;
        }
        const QList<int> first = (*segmenter)->boundaries(kSample);
        checkBoundaries(first, kSample, language);
        WB_FUZZ_CHECK((*segmenter)->boundaries(kSample) == first, language);
        // Text made of the rules themselves: whatever the rules' authors wrote, their own
        // patterns as text must segment too.
        QString own;
        for (const SrxRule &r : forLanguage.mid(0, 8))
            own += r.before + r.after + QLatin1Char(' ');
        checkBoundaries((*segmenter)->boundaries(own), own, language);
        (void)(*segmenter)->boundaries(QString());
    }
    return 0;
}
