#include "text/text_key.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

namespace wb {
namespace {

// Whether case folding changes the text. Most words are in lower case already: they are
// their own key, without a copy (the tokenizer makes one key per token).
bool foldingChanges(const QString &text)
{
    const auto *units = reinterpret_cast<const UChar *>(text.utf16());
    const int32_t length = int32_t(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U16_NEXT(units, i, length, c);
        const bool changes = c < 0x80 ? (c >= 'A' && c <= 'Z') // ASCII, most letters: no property lookup
                                      : u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED);
        if (changes)
            return true;
    }
    return false;
}

} // namespace

QString textKey(const QString &text)
{
    const QString normalized = toNfc(text);
    if (!foldingChanges(normalized))
        return normalized;
    // Full folding can lengthen the text ("ß" -> "ss"): ICU says how much room it needs.
    QString folded(normalized.size(), Qt::Uninitialized);
    for (int attempt = 0; attempt < 2; ++attempt) {
        UErrorCode status = U_ZERO_ERROR;
        const int32_t length = u_strFoldCase(reinterpret_cast<UChar *>(folded.data()), int32_t(folded.size()),
                                             reinterpret_cast<const UChar *>(normalized.utf16()), int32_t(normalized.size()),
                                             U_FOLD_CASE_DEFAULT, &status);
        folded.resize(length);
        if (status != U_BUFFER_OVERFLOW_ERROR)
            break;
    }
    // Folding can leave a text that is no longer NFC (Greek letters with several marks):
    // normalized again so that canonically equal texts always give one key.
    return toNfc(folded);
}

} // namespace wb
