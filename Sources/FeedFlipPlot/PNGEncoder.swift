// A fast PNG encoder for cairo RGB24 surfaces: "Sub"-filtered rows, zlib with the
// run-length strategy, and a pHYs chunk recording the resolution.
// (cairo_surface_write_to_png_stream spends ~5x longer in libpng's adaptive filtering and
// default compression; figures are flat colours, for which RLE compresses almost as well.)

import CZlib

/// Encodes the RGB24 pixels of a cairo image surface as PNG bytes.
/// `data` holds `height` rows of `stride` bytes, each pixel a native-endian UInt32 0x00RRGGBB.
func encodePNG(data: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int, dpi: Double) throws -> [UInt8] {
    let rowBytes = 1 + 3 * width
    var raw = [UInt8](repeating: 0, count: rowBytes * height)
    raw.withUnsafeMutableBufferPointer { out in
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride)
            let o = y * rowBytes
            out[o] = 1  // filter type Sub: each byte minus the byte one pixel to the left
            var left: (UInt8, UInt8, UInt8) = (0, 0, 0)
            for x in 0..<width {
                let p = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)
                let r = UInt8(truncatingIfNeeded: p >> 16), g = UInt8(truncatingIfNeeded: p >> 8)
                let b = UInt8(truncatingIfNeeded: p)
                let i = o + 1 + 3 * x
                out[i] = r &- left.0; out[i + 1] = g &- left.1; out[i + 2] = b &- left.2
                left = (r, g, b)
            }
        }
    }
    let compressed = try deflate(raw)
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    var header: [UInt8] = []
    header.appendBigEndian(UInt32(width)); header.appendBigEndian(UInt32(height))
    header += [8, 2, 0, 0, 0]  // 8 bits per channel, RGB, deflate, adaptive filters, no interlace
    png.appendChunk("IHDR", header)
    var physical: [UInt8] = []
    let perMetre = UInt32((dpi / 0.0254).rounded())
    physical.appendBigEndian(perMetre); physical.appendBigEndian(perMetre); physical.append(1)
    png.appendChunk("pHYs", physical)
    png.appendChunk("IDAT", compressed)
    png.appendChunk("IEND", [])
    return png
}

/// zlib-wrapped deflate of `input` (level 6, run-length strategy).
private func deflate(_ input: [UInt8]) throws -> [UInt8] {
    var stream = z_stream()
    let initStatus = deflateInit2_(&stream, 6, Z_DEFLATED, 15, 8, Z_RLE, ZLIB_VERSION,
                                   Int32(MemoryLayout<z_stream>.size))
    guard initStatus == Z_OK else { throw PlotError.cairo(stage: "starting PNG compression", status: "zlib \(initStatus)") }
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
    let status: Int32 = input.withUnsafeBufferPointer { inBuf in
        output.withUnsafeMutableBufferPointer { outBuf in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = uInt(inBuf.count)
            stream.next_out = outBuf.baseAddress
            stream.avail_out = uInt(outBuf.count)
            return CZlib.deflate(&stream, Z_FINISH)
        }
    }
    guard status == Z_STREAM_END else { throw PlotError.cairo(stage: "compressing the PNG", status: "zlib \(status)") }
    output.removeSubrange(Int(stream.total_out)...)
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
