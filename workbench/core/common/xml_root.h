#pragma once
#include <QByteArray>
#include <QString>

namespace wb {

/// What an XML document's prolog and root element say, read with QXmlStreamReader up to
/// the root's start tag: how the format registry tells formats apart, and how a reader
/// that reads several versions (XLIFF) picks one. Positions are QXmlStreamReader's, 1-based.
struct XmlRoot {
    QString name;          ///< the root element's local name; empty when there is none
    QString namespaceUri;
    QString version;       ///< the root's version attribute, if any
    int line = 0;          ///< where the root's start tag ends, or where the reader stopped without one
    int column = 0;
    QString error;         ///< the XML reader's message when it stopped before any root element
    int entityDtdLine = 0; ///< a DTD that declares entities (any kind) ends here; 0 when none does
    int entityDtdColumn = 0;
};

XmlRoot sniffXmlRoot(const QByteArray &bytes);

} // namespace wb
