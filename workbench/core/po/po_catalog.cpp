#include "po/po_catalog.h"
#include "po/conflict_markers.h"
#include "common/memory_file.h"
#include "common/text_file.h"
#include "po/gettext_po_session.h"
#include "common/unicode_nfc.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <algorithm>
#include <cstring>
#include <memory>
#include <unicode/ucnv.h>

namespace wb {
namespace {

// Turns libgettextpo's strings (in the file's charset) into QString, in NFC: every string of
// a catalog passes here, so a target a macOS tool wrote decomposed reads as the same text.
class CharsetDecoder {
public:
    explicit CharsetDecoder(const QByteArray &charset)
    {
        const QByteArray normalized = charset.toUpper();
        if (charset.isEmpty() || normalized == "UTF-8" || normalized == "UTF8" || normalized == "CHARSET")
            return;
        UErrorCode status = U_ZERO_ERROR;
        m_converter = ucnv_open(charset.constData(), &status);
        if (U_FAILURE(status))
            m_converter = nullptr, m_unknown = true;
    }
    ~CharsetDecoder() { if (m_converter) ucnv_close(m_converter); }
    bool isUtf8() const { return !m_converter && !m_unknown; }
    bool isUnknown() const { return m_unknown; }

    QString operator()(const char *text) const
    {
        if (!text)
            return {};
        if (!m_converter) {
            // Not QString::fromUtf8: it drops a leading U+FEFF, and a msgid that is only a
            // byte order mark became the header's empty msgid (found by fuzz_po).
            QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
            return toNfc(utf8(QByteArrayView(text)));
        }
        UErrorCode status = U_ZERO_ERROR;
        const int32_t length = int32_t(std::strlen(text));
        QString out(length * 2 + 1, Qt::Uninitialized);
        const int32_t written = ucnv_toUChars(m_converter, reinterpret_cast<UChar *>(out.data()), int32_t(out.size()),
                                              text, length, &status);
        out.resize(U_SUCCESS(status) ? written : 0);
        return toNfc(out);
    }

private:
    UConverter *m_converter = nullptr;
    bool m_unknown = false;
};

// gettext takes a catalog's charset from the first "charset=" anywhere in the header, up to
// white space (po-charset.c, write-catalog.c), not from the Content-Type line only: so do we.
// Otherwise a header where the two differ was read in one charset and written claiming
// another, which libgettextpo then refused to write (found by fuzz_po).
QByteArray charsetOf(const char *header)
{
    const char *at = header ? std::strstr(header, "charset=") : nullptr;
    if (!at)
        return {};
    at += std::strlen("charset=");
    return QByteArray(at, qsizetype(std::strcspn(at, " \t\n")));
}

// po_file_free leaves every msgctxt behind: gettext's message_free (message.c, 0.21)
// frees all other strings of a message but not msgctxt, and the workbench puts a unit
// id in every entry's. Clearing them through the API first (po_message_set_msgctxt
// frees the old value) plugs the leak whatever the gettext version (fuzz_qa, fuzz_po).
void freePoFile(po_file_t file)
{
    if (!file)
        return;
    for (const char *const *domain = po_file_domains(file); domain && *domain; ++domain) {
        po_message_iterator_t iterator = po_message_iterator(file, *domain);
        while (po_message_t message = po_next_message(iterator))
            po_message_set_msgctxt(message, nullptr);
        po_message_iterator_free(iterator);
    }
    po_file_free(file);
}

// The header as toBytes writes it. The text is always written as UTF-8, so the header
// must say so: with no charset (or the template's "CHARSET") gettext's writer refuses
// non-ASCII text ("invalid multibyte sequence"), and a catalog read from such a file
// could not be saved (found by fuzz_po in polib's test_noencoding.po).
QString headerDeclaringUtf8(const QString &header)
{
    QByteArray bytes = header.toUtf8();
    const QByteArray declared = charsetOf(bytes.constData());
    if (declared.toUpper() == "UTF-8" || declared.toUpper() == "UTF8")
        return header;
    if (const qsizetype at = bytes.indexOf("charset="); at >= 0) // where gettext will look
        return QString::fromUtf8(bytes.replace(at + 8, declared.size(), "UTF-8"));
    std::unique_ptr<char, decltype(&free)> updated(
        po_header_set_field(bytes.constData(), "Content-Type", "text/plain; charset=UTF-8"), &free);
    return updated ? QString::fromUtf8(updated.get()) : header;
}

struct ReadCall {
    QByteArray path;
    po_xerror_handler_t handler;
    po_file_t file = nullptr;
};

struct WriteCall {
    po_file_t file;
    QByteArray path;
    po_xerror_handler_t handler;
};

void setString(po_message_t message, void (*setter)(po_message_t, const char *), const QString &value)
{
    setter(message, value.toUtf8().constData());
}

// libgettextpo keeps comments as lines ending in '\n'.
QString commentsFromPo(const QString &raw)
{
    return raw.endsWith(QLatin1Char('\n')) ? raw.chopped(1) : raw;
}

QString commentsToPo(const QString &comments)
{
    return comments.isEmpty() ? QString() : comments + QLatin1Char('\n');
}

// Line where each entry starts, in file order (the order libgettextpo gives them in),
// header included. Only the keyword lines are looked at, to report findings by line;
// the parsing itself is libgettextpo's.
QList<int> entryStartLines(const QByteArray &bytes)
{
    QList<int> starts;
    bool afterContext = false;
    int lineNumber = 0;
    for (const QByteArray &rawLine : bytes.split('\n')) {
        ++lineNumber;
        QByteArray line = rawLine.trimmed();
        if (line.startsWith("#~"))
            line = line.mid(2).trimmed();
        else if (line.startsWith('#'))
            continue;
        if (line.startsWith("msgctxt ")) {
            starts.append(lineNumber);
            afterContext = true;
        } else if (line.startsWith("msgid ")) {
            if (!afterContext)
                starts.append(lineNumber);
            afterContext = false;
        }
    }
    return starts;
}

} // namespace

// A translated plural entry must have as many forms as the header's Plural-Forms says:
// gettext picks form n by that formula, and a missing form shows nothing to the reader.
static Status checkPluralCounts(const PoCatalog &catalog, const QString &path)
{
    static const QRegularExpression nplurals(QStringLiteral("nplurals\\s*=\\s*(\\d+)"));
    const QRegularExpressionMatch declared = nplurals.match(catalog.headerField(QStringLiteral("Plural-Forms")));
    if (!declared.hasMatch())
        return {};
    const int count = declared.captured(1).toInt();
    for (const PoEntry &entry : catalog.entries) {
        const bool translated = std::any_of(entry.msgstrPlural.begin(), entry.msgstrPlural.end(),
                                            [](const QString &form) { return !form.isEmpty(); });
        if (entry.msgidPlural.isEmpty() || entry.obsolete || !translated || entry.msgstrPlural.size() == count)
            continue;
        return Diagnostic{ErrorKind::InvalidInput, path, entry.line, 0,
                          QStringLiteral("\"%1\" has %2 plural forms, but the header's Plural-Forms says nplurals=%3")
                              .arg(entry.msgid.left(60)).arg(entry.msgstrPlural.size()).arg(count)};
    }
    return {};
}

// Entries in rendered PO text: lines that start a message ("msgid", "#~ msgid").
static qsizetype countMessageStarts(const QByteArray &po)
{
    qsizetype count = 0;
    for (qsizetype at = 0; at < po.size();) {
        const QByteArrayView line(po.constData() + at, po.size() - at);
        if (line.startsWith("msgid ") || line.startsWith("#~ msgid "))
            ++count;
        const qsizetype next = po.indexOf('\n', at);
        if (next < 0)
            break;
        at = next + 1;
    }
    return count;
}

Result<PoCatalog> PoCatalog::read(const QString &path)
{
    auto bytes = readFileBytes(path);
    if (!bytes)
        return bytes.error();
    return fromBytes(*bytes, path);
}

Result<PoCatalog> PoCatalog::fromBytes(const QByteArray &bytesRead, const QString &path)
{
    // libgettextpo would only say "syntax error" at the marker; the cause and the cure are known.
    if (const int marker = firstConflictMarkerLine(bytesRead))
        return Diagnostic{ErrorKind::InvalidInput, path, marker, 1,
                          QStringLiteral("git conflict markers: git merged this catalog as plain text (its merge driver was "
                                         "not installed); run `workbench repair-conflicts %1` to turn them back into units")
                              .arg(path)};
    // libgettextpo reads only named files: hand it these bytes through a file in memory, so
    // that what it parses is exactly what was checked below (no second read of the disk).
    auto memory = MemoryFile::create("workbench-po-read");
    if (!memory)
        return memory.error();
    if (Status copied = memory->assign(bytesRead); !copied)
        return copied.error();
    const QByteArray *bytes = &bytesRead;

    GettextPoSession session(path);
    ReadCall call{memory->path(), session.handler()};
    const bool ok = session.runGuarded([](void *d) {
        auto *c = static_cast<ReadCall *>(d);
        c->file = po_file_read(c->path.constData(), c->handler);
    }, &call);
    std::unique_ptr<std::remove_pointer_t<po_file_t>, decltype(&po_file_free)> file(call.file, &freePoFile);
    if (!ok || !file)
        return ok ? Diagnostic{ErrorKind::InvalidInput, path, 0, 0, QStringLiteral("libgettextpo could not read the file")}
                  : session.error();

    // po_file_domain_header returns a copy for the caller to free, despite its const
    // (gettext-po.c xstrdup's it): without this every read leaked the header (fuzz_qa).
    const std::unique_ptr<char, decltype(&free)> domainHeader(
        const_cast<char *>(po_file_domain_header(file.get(), nullptr)), &free);
    const CharsetDecoder decode(charsetOf(domainHeader.get()));
    if (decode.isUnknown())
        return Diagnostic{ErrorKind::InvalidInput, path, 0, 0,
                          QStringLiteral("the header declares charset \"%1\", which ICU does not know")
                              .arg(QString::fromLatin1(charsetOf(domainHeader.get())))};
    if (decode.isUtf8())
        if (Status utf8 = checkUtf8(*bytes, path); !utf8)
            return utf8.error();

    PoCatalog catalog;
    const QList<int> startLines = entryStartLines(*bytes);
    int messageIndex = 0;
    po_message_iterator_t iterator = po_message_iterator(file.get(), nullptr);
    const char *const *formats = po_format_list();
    // po_message_comments and po_message_extracted_comments join the comment lines
    // into a fresh string that gettext never frees (gettext-po.c admits the leak in a
    // comment), or return a static "" when there are none: free the former.
    auto takeComments = [&decode](const char *joined) {
        const QString comments = commentsFromPo(decode(joined));
        if (joined && *joined)
            free(const_cast<char *>(joined));
        return comments;
    };
    while (po_message_t message = po_next_message(iterator)) {
        const int line = startLines.value(messageIndex++, 0);
        const char *msgid = po_message_msgid(message);
        if (msgid && !*msgid && !po_message_msgctxt(message) && !po_message_is_obsolete(message)) {
            catalog.header = decode(po_message_msgstr(message));
            catalog.headerComments = takeComments(po_message_comments(message));
            catalog.headerFuzzy = po_message_is_fuzzy(message);
            continue;
        }
        PoEntry entry;
        entry.line = line;
        entry.context = decode(po_message_msgctxt(message));
        entry.msgid = decode(msgid);
        entry.msgidPlural = decode(po_message_msgid_plural(message));
        entry.msgstr = decode(po_message_msgstr(message));
        if (po_message_msgid_plural(message))
            for (int i = 0; const char *form = po_message_msgstr_plural(message, i); ++i)
                entry.msgstrPlural.append(decode(form));
        entry.translatorComments = takeComments(po_message_comments(message));
        entry.extractedComments = takeComments(po_message_extracted_comments(message));
        for (int i = 0; po_filepos_t pos = po_message_filepos(message, i); ++i)
            entry.references.append({decode(po_filepos_file(pos)), int(po_filepos_start_line(pos))});
        entry.fuzzy = po_message_is_fuzzy(message);
        entry.obsolete = po_message_is_obsolete(message);
        entry.previousContext = decode(po_message_prev_msgctxt(message));
        entry.previousMsgid = decode(po_message_prev_msgid(message));
        for (const char *const *f = formats; *f; ++f)
            if (po_message_is_format(message, *f))
                entry.formats.append(QString::fromLatin1(*f));
        catalog.entries.append(entry);
    }
    po_message_iterator_free(iterator);
    if (Status plurals = checkPluralCounts(catalog, path); !plurals)
        return plurals.error();
    if (!decode.isUtf8())
        catalog.setHeaderField(QStringLiteral("Content-Type"), QStringLiteral("text/plain; charset=UTF-8"));
    return catalog;
}

bool PoCatalog::isWritten(const PoEntry &entry)
{
    if (!entry.obsolete)
        return true;
    // An obsolete header ("#~ msgid \"\"" without msgctxt) would be a second definition of the
    // header every written catalog has: gettext then refuses the file ("duplicate message
    // definition", found by fuzz_po). It carries nothing a translation needs.
    if (entry.msgid.isEmpty() && entry.context.isEmpty())
        return false;
    return entry.msgidPlural.isEmpty() ? !entry.msgstr.isEmpty() : !entry.msgstrPlural.value(0).isEmpty();
}

Result<QByteArray> PoCatalog::toBytes() const
{
    std::unique_ptr<std::remove_pointer_t<po_file_t>, decltype(&po_file_free)> file(po_file_create(), &freePoFile);
    po_message_iterator_t iterator = po_message_iterator(file.get(), nullptr);

    po_message_t head = po_message_create();
    po_message_set_msgid(head, "");
    setString(head, po_message_set_msgstr, headerDeclaringUtf8(header));
    setString(head, po_message_set_comments, commentsToPo(headerComments));
    po_message_set_fuzzy(head, headerFuzzy);
    po_message_insert(iterator, head);

    // gettext's tools keep obsolete entries at the end; so do we.
    for (bool obsoletePass : {false, true}) {
        for (const PoEntry &entry : entries) {
            if (entry.obsolete != obsoletePass || !isWritten(entry))
                continue;
            po_message_t message = po_message_create();
            if (!entry.context.isNull())
                setString(message, po_message_set_msgctxt, entry.context);
            setString(message, po_message_set_msgid, entry.msgid);
            if (!entry.msgidPlural.isEmpty()) {
                setString(message, po_message_set_msgid_plural, entry.msgidPlural);
                for (int i = 0; i < entry.msgstrPlural.size(); ++i)
                    po_message_set_msgstr_plural(message, i, entry.msgstrPlural[i].toUtf8().constData());
            } else {
                setString(message, po_message_set_msgstr, entry.msgstr);
            }
            setString(message, po_message_set_comments, commentsToPo(entry.translatorComments));
            setString(message, po_message_set_extracted_comments, commentsToPo(entry.extractedComments));
            for (const PoReference &ref : entry.references)
                po_message_add_filepos(message, ref.file.toUtf8().constData(), size_t(ref.line));
            if (!entry.previousContext.isEmpty())
                setString(message, po_message_set_prev_msgctxt, entry.previousContext);
            // A "#| msgctxt" needs its "#| msgid", even an empty one: without it gettext
            // cannot read the file back (syntax error; found by fuzz_po in polib's tests).
            if (!entry.previousMsgid.isEmpty() || !entry.previousContext.isEmpty())
                setString(message, po_message_set_prev_msgid, entry.previousMsgid);
            for (const QString &format : entry.formats)
                po_message_set_format(message, format.toLatin1().constData(), 1);
            po_message_set_fuzzy(message, entry.fuzzy);
            po_message_set_obsolete(message, entry.obsolete);
            po_message_insert(iterator, message);
        }
    }
    po_message_iterator_free(iterator);

    // libgettextpo writes only to named files: render into a file in memory, so that a
    // process killed while rendering leaves nothing behind (a scratch file in $TMPDIR did).
    auto memory = MemoryFile::create("workbench-po-render");
    if (!memory)
        return memory.error();
    GettextPoSession session(QStringLiteral("(catalog in memory)"));
    WriteCall call{file.get(), memory->path(), session.handler()};
    if (!session.runGuarded([](void *d) {
            auto *c = static_cast<WriteCall *>(d);
            po_file_write(c->file, c->path.constData(), c->handler);
        }, &call)) {
        Diagnostic error = session.error();
        error.kind = ErrorKind::OutputFailed;
        return error;
    }
    auto rendered = memory->contents();
    if (!rendered)
        return rendered;
    // libgettextpo ignores failed writes (a full disk, a file size limit) and reports
    // success: count the entries that reached the file before anyone trusts it.
    const qsizetype expected = 1 + std::count_if(entries.begin(), entries.end(), &PoCatalog::isWritten);
    if (const qsizetype found = countMessageStarts(*rendered); found != expected)
        return Diagnostic{ErrorKind::OutputFailed, {}, 0, 0,
                          QStringLiteral("the catalog could not be written whole (%1 of %2 entries; is the disk full?)")
                              .arg(found).arg(expected)};
    return rendered;
}

Status PoCatalog::write(const QString &path, QByteArray *written) const
{
    auto bytes = toBytes();
    if (!bytes) {
        Diagnostic error = bytes.error();
        error.file = path;
        return error;
    }
    if (Status status = writeFileAtomically(path, *bytes); !status)
        return status;
    if (written)
        *written = *bytes;
    return {};
}

QString PoCatalog::headerField(const QString &name) const
{
    std::unique_ptr<char, decltype(&free)> value(po_header_field(header.toUtf8().constData(), name.toUtf8().constData()), &free);
    return value ? QString::fromUtf8(value.get()) : QString();
}

void PoCatalog::setHeaderField(const QString &name, const QString &value)
{
    std::unique_ptr<char, decltype(&free)> updated(
        po_header_set_field(header.toUtf8().constData(), name.toUtf8().constData(), value.toUtf8().constData()), &free);
    if (updated)
        header = QString::fromUtf8(updated.get());
}

qsizetype PoCatalog::indexOfContext(const QString &context) const
{
    for (qsizetype i = 0; i < entries.size(); ++i)
        if (!entries[i].obsolete && entries[i].context == context)
            return i;
    return -1;
}

void PoCatalog::stampRevision(const QString &by, const QDateTime &at)
{
    setHeaderField(QStringLiteral("PO-Revision-Date"), poTimestamp(at));
    setHeaderField(QStringLiteral("Last-Translator"), by);
}

QString poTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral("+0000");
}

} // namespace wb
