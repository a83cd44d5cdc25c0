#include "ui_terms.h"
#include "i18n.h"

namespace wb::gui {

namespace {
/// Marks a string for xgettext (keyword uiNoop) without translating it here.
constexpr const char *uiNoop(const char *text) { return text; }
} // namespace

const QStringList &uiTermIds()
{
    static const QStringList ids = [] {
        QStringList list;
        for (const char *id : {
                 // unit states
                 uiNoop("untranslated"), uiNoop("draft"), uiNoop("translated"), uiNoop("approved"), uiNoop("rejected"),
                 // unit kinds (model/unit_extractor)
                 uiNoop("paragraph"), uiNoop("list item"), uiNoop("block quote"), uiNoop("table cell"), uiNoop("table header"),
                 uiNoop("image alt text"), uiNoop("link title"), uiNoop("heading 1"), uiNoop("heading 2"), uiNoop("heading 3"),
                 uiNoop("heading 4"), uiNoop("heading 5"), uiNoop("heading 6"),
                 // history actions (docs/po-store.md)
                 uiNoop("annotated"), uiNoop("commented"), uiNoop("edited-by-reviewer"), uiNoop("resolved"), uiNoop("pretranslated"),
                 uiNoop("updated"), uiNoop("imported"), uiNoop("aligned"), uiNoop("back-to-draft"),
                 // error typology (review/review_record)
                 uiNoop("accuracy/mistranslation"), uiNoop("accuracy/omission"), uiNoop("accuracy/addition"),
                 uiNoop("accuracy/untranslated"), uiNoop("terminology"), uiNoop("fluency/grammar"), uiNoop("fluency/spelling"),
                 uiNoop("fluency/punctuation"), uiNoop("style"), uiNoop("locale/numbers"), uiNoop("locale/dates"),
                 uiNoop("locale/units"), uiNoop("minor"), uiNoop("major"), uiNoop("critical")})
            list.append(QString::fromLatin1(id));
        return list;
    }();
    return ids;
}

QString uiTerm(const QString &id)
{
    return ui(id.toUtf8().constData());
}

} // namespace wb::gui
