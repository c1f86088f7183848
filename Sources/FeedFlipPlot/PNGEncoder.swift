// A fast PNG encoder for cairo RGB24 surfaces: "Sub"-filtered rows, zlib with the
// run-length strategy, and a pHYs chunk recording the resolution.
// (cairo_surface_write_to_png_stream spends ~5x longer in libpng's adaptive filtering and
// default compression; figures are flat colours, for which RLE compresses almost as well.)

import CZlib

/// Encodes the RGB24 pixels of a cairo image surface as PNG bytes.
/// `data` holds `height` rows of `stride` bytes, each pixel a native-endian UInt32 0x00RRGGBB.
/// Rows are filtered and compressed in blocks, so no full-size copy of the image is made.
func encodePNG(data: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int, dpi: Double) throws -> [UInt8] {
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    var header: [UInt8] = []
    header.appendBigEndian(UInt32(width)); header.appendBigEndian(UInt32(height))
    header += [8, 2, 0, 0, 0]  // 8 bits per channel, RGB, deflate, adaptive filters, no interlace
    png.appendChunk("IHDR", header)
    var physical: [UInt8] = []
    let perMetre = UInt32((dpi / 0.0254).rounded())
    physical.appendBigEndian(perMetre); physical.appendBigEndian(perMetre); physical.append(1)
    png.appendChunk("pHYs", physical)
    png.appendChunk("IDAT", try compressRows(data: data, width: width, height: height, stride: stride))
    png.appendChunk("IEND", [])
    return png
}

/// Writes row `y` with filter type Sub (each byte minus the byte one pixel to the left) into `out`.
@inline(__always)
private func filterRow(_ row: UnsafeRawPointer, width: Int, into out: UnsafeMutablePointer<UInt8>) {
    out[0] = 1
    var left: (UInt8, UInt8, UInt8) = (0, 0, 0)
    for x in 0..<width {
        let p = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)
        let r = UInt8(truncatingIfNeeded: p >> 16), g = UInt8(truncatingIfNeeded: p >> 8)
        let b = UInt8(truncatingIfNeeded: p)
        out[1 + 3 * x] = r &- left.0; out[2 + 3 * x] = g &- left.1; out[3 + 3 * x] = b &- left.2
        left = (r, g, b)
    }
}

/// The zlib stream (run-length strategy) of all filtered rows.
private func compressRows(data: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) throws -> [UInt8] {
    var stream = z_stream()
    let initStatus = deflateInit2_(&stream, 6, Z_DEFLATED, 15, 8, Z_RLE, ZLIB_VERSION,
                                   Int32(MemoryLayout<z_stream>.size))
    guard initStatus == Z_OK else {
        throw PlotError.cairo(stage: "starting PNG compression", status: "zlib \(initStatus)")
    }
    defer { deflateEnd(&stream) }
    let rowBytes = 1 + 3 * width, rowsPerBlock = 32
    let block = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes * rowsPerBlock)
    defer { block.deallocate() }
    let chunkSize = 1 << 16
    let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
    defer { chunk.deallocate() }
    var output: [UInt8] = []
    output.reserveCapacity(rowBytes * height / 16)
    var y = 0
    while y < height {
        let rows = min(rowsPerBlock, height - y)
        for k in 0..<rows {
            filterRow(UnsafeRawPointer(data + (y + k) * stride), width: width, into: block + k * rowBytes)
        }
        y += rows
        let flush = y == height ? Z_FINISH : Z_NO_FLUSH
        stream.next_in = block
        stream.avail_in = uInt(rows * rowBytes)
        var status: Int32 = Z_OK
        repeat {
            stream.next_out = chunk
            stream.avail_out = uInt(chunkSize)
            status = deflate(&stream, flush)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw PlotError.cairo(stage: "compressing the PNG", status: "zlib \(status)")
            }
            output.append(contentsOf: UnsafeBufferPointer(start: chunk, count: chunkSize - Int(stream.avail_out)))
        } while stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END)
    }
    return output
}

extension [UInt8] {
    mutating func appendBigEndian(_ v: UInt32) {
        append(contentsOf: [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
    }

    /// Appends a PNG chunk: length, type, data, CRC-32 of type and data.
    mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        appendBigEndian(UInt32(data.count))
        let body = Array(type.utf8) + data
        append(contentsOf: body)
        let crc = body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        appendBigEndian(UInt32(truncatingIfNeeded: crc))
    }
}
