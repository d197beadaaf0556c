// SPDX-License-Identifier: GPL-3.0-or-later
// otadmin-icons: renders the app's SVG icon into the PNG, .ico and .icns files the packages need.
//
// Usage: otadmin-icons SVG OUTDIR NAME
//        otadmin-icons --png SVG SIZE PNG   (one SIZE x SIZE PNG: the app's navigation icons)
// Writes, from one vector source, at build time (nothing rendered is committed):
//   OUTDIR/hicolor/<N>x<N>/apps/NAME.png  N = 16 22 24 32 48 64 128 256 (freedesktop icon theme)
//   OUTDIR/NAME.ico   Windows: 16..48 as 32-bit DIBs (what the shell and rc.exe read everywhere),
//                     256 as PNG (Vista and later)
//   OUTDIR/NAME.icns  macOS: PNG entries 16..1024 (icp4..ic10), the form iconutil writes
// Exit code 0 on success, 1 on any error (with a message on stderr), 2 on usage errors.
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QList>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QtEndian>

#include <cstdio>

namespace {

QImage render(QSvgRenderer &svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    svg.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    return image.convertToFormat(QImage::Format_ARGB32);
}

QByteArray pngBytes(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void appendLE16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLE32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void appendBE32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

// An icon image as a Windows DIB: BITMAPINFOHEADER (height doubled for the AND mask), BGRA rows
// bottom-up, then an all-zero 1-bit AND mask (the alpha channel carries the transparency).
QByteArray dibBytes(const QImage &image)
{
    const int size = image.width();
    QByteArray out;
    appendLE32(out, 40); // biSize
    appendLE32(out, quint32(size)); // biWidth
    appendLE32(out, quint32(size * 2)); // biHeight: XOR image + AND mask
    appendLE16(out, 1); // biPlanes
    appendLE16(out, 32); // biBitCount
    appendLE32(out, 0); // biCompression = BI_RGB
    appendLE32(out, 0); // biSizeImage (may be 0 for BI_RGB)
    appendLE32(out, 0); // biXPelsPerMeter
    appendLE32(out, 0); // biYPelsPerMeter
    appendLE32(out, 0); // biClrUsed
    appendLE32(out, 0); // biClrImportant
    for (int y = size - 1; y >= 0; --y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < size; ++x) {
            const QRgb pixel = line[x]; // non-premultiplied ARGB32
            out.append(char(qBlue(pixel)));
            out.append(char(qGreen(pixel)));
            out.append(char(qRed(pixel)));
            out.append(char(qAlpha(pixel)));
        }
    }
    const int maskRowBytes = ((size + 31) / 32) * 4;
    out.append(QByteArray(maskRowBytes * size, '\0'));
    return out;
}

QByteArray icoBytes(QSvgRenderer &svg)
{
    const QList<int> sizes {16, 20, 24, 32, 40, 48, 64, 256};
    QList<QByteArray> images;
    for (const int size : sizes) {
        const QImage image = render(svg, size);
        images.append(size >= 256 ? pngBytes(image) : dibBytes(image));
    }
    QByteArray out;
    appendLE16(out, 0); // reserved
    appendLE16(out, 1); // type: icon
    appendLE16(out, quint16(sizes.size()));
    quint32 offset = 6 + 16 * quint32(sizes.size());
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        const int size = sizes[i];
        out.append(char(size >= 256 ? 0 : size)); // width (0 means 256)
        out.append(char(size >= 256 ? 0 : size)); // height
        out.append(char(0)); // palette colours
        out.append(char(0)); // reserved
        appendLE16(out, 1); // colour planes
        appendLE16(out, 32); // bits per pixel
        appendLE32(out, quint32(images[i].size()));
        appendLE32(out, offset);
        offset += quint32(images[i].size());
    }
    for (const QByteArray &image : images)
        out.append(image);
    return out;
}

QByteArray icnsBytes(QSvgRenderer &svg)
{
    struct Entry
    {
        const char *type;
        int size;
    };
    // PNG-backed types; ic11..ic14 are the @2x variants of 16..256.
    const Entry entries[] = {{"icp4", 16}, {"icp5", 32}, {"ic11", 32}, {"icp6", 64}, {"ic12", 64},
        {"ic07", 128}, {"ic13", 256}, {"ic08", 256}, {"ic14", 512}, {"ic09", 512}, {"ic10", 1024}};
    QByteArray body;
    for (const Entry &entry : entries) {
        const QByteArray png = pngBytes(render(svg, entry.size));
        body.append(entry.type, 4);
        appendBE32(body, quint32(png.size() + 8));
        body.append(png);
    }
    QByteArray out("icns", 4);
    appendBE32(out, quint32(body.size() + 8));
    out.append(body);
    return out;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(bytes);
    return file.commit();
}

// Build logs stay quiet: the offscreen platform's note about an unset XDG_RUNTIME_DIR (build
// machines and CI have none) is not a problem of the icons.
void filterMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtWarningMsg && message.contains(QLatin1String("XDG_RUNTIME_DIR")))
        return;
    std::fprintf(stderr, "%s\n", qUtf8Printable(message));
}

} // namespace

int main(int argc, char *argv[])
{
    // No window system is needed (nor wanted on a build machine) to rasterise vector shapes.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(filterMessages);
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 5 && args[1] == QLatin1String("--png")) {
        bool sized = false;
        const int size = args[3].toInt(&sized);
        QSvgRenderer svg(args[2]);
        if (!sized || size < 1 || size > 1024) {
            std::fprintf(stderr, "otadmin-icons: bad size %s\n", qUtf8Printable(args[3]));
            return 2;
        }
        if (!svg.isValid()) {
            std::fprintf(stderr, "otadmin-icons: cannot read SVG %s\n", qUtf8Printable(args[2]));
            return 1;
        }
        if (!writeFile(args[4], pngBytes(render(svg, size)))) {
            std::fprintf(stderr, "otadmin-icons: cannot write %s\n", qUtf8Printable(args[4]));
            return 1;
        }
        return 0;
    }
    if (args.size() != 4) {
        std::fprintf(stderr,
            "usage: otadmin-icons SVG OUTDIR NAME\n       otadmin-icons --png SVG SIZE PNG\n");
        return 2;
    }
    const QString svgPath = args[1];
    const QString outDir = args[2];
    const QString name = args[3];

    QSvgRenderer svg(svgPath);
    if (!svg.isValid()) {
        std::fprintf(stderr, "otadmin-icons: cannot read SVG %s\n", qUtf8Printable(svgPath));
        return 1;
    }

    bool ok = true;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        const QString path =
            QStringLiteral("%1/hicolor/%2x%2/apps/%3.png").arg(outDir).arg(size).arg(name);
        ok = writeFile(path, pngBytes(render(svg, size))) && ok;
    }
    ok = writeFile(QStringLiteral("%1/%2.ico").arg(outDir, name), icoBytes(svg)) && ok;
    ok = writeFile(QStringLiteral("%1/%2.icns").arg(outDir, name), icnsBytes(svg)) && ok;
    if (!ok) {
        std::fprintf(stderr, "otadmin-icons: cannot write into %s\n", qUtf8Printable(outDir));
        return 1;
    }
    return 0;
}
