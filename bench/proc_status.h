#pragma once
// One field of /proc/self/status in KiB ("VmRSS:", "VmHWM:", "RssAnon:", "RssFile:"): the
// memory figures the TM benchmarks report.
#include <QByteArray>
#include <QFile>

inline long statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLong();
    return 0;
}
