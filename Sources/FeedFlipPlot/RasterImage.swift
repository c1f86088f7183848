// Reading PNG bytes back into pixels (for tests and checks of rendered figures).

import CCairo

/// An 8-bit RGB raster, row-major from the top-left pixel.
public struct RasterImage: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Pixels as r, g, b bytes, (height, width, 3) row-major.
    public let rgb: [UInt8]

    /// The pixel at column `x`, row `y` (0-based, from the top left).
    public func pixel(_ x: Int, _ y: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let i = 3 * (y * width + x)
        return (rgb[i], rgb[i + 1], rgb[i + 2])
    }
}

/// Cursor over the bytes cairo reads a PNG from.
private final class ByteSource {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

private let sourceReader: cairo_read_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
    let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
    let n = Int(length)
    guard source.offset + n <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
    source.bytes.withUnsafeBufferPointer { buffer in
        if let base = buffer.baseAddress { data.update(from: base + source.offset, count: n) }
    }
    source.offset += n
    return CAIRO_STATUS_SUCCESS
}

/// Decodes PNG bytes (as `render` returns them) into RGB pixels; alpha is composited on white.
/// Throws `PlotError.cairo` when the bytes are not a PNG cairo can read.
public func decodePNG(_ bytes: [UInt8]) throws -> RasterImage {
    let source = ByteSource(bytes)
    let surface: OpaquePointer? = withExtendedLifetime(source) {
        cairo_image_surface_create_from_png_stream(sourceReader, Unmanaged.passUnretained(source).toOpaque())
    }
    guard let surface else { throw PlotError.cairo(stage: "decoding a PNG", status: "null surface") }
    defer { cairo_surface_destroy(surface) }
    let status = cairo_surface_status(surface)
    guard status == CAIRO_STATUS_SUCCESS else {
        throw PlotError.cairo(stage: "decoding a PNG", status: String(cString: cairo_status_to_string(status)))
    }
    cairo_surface_flush(surface)
    let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    let format = cairo_image_surface_get_format(surface)
    guard let data = cairo_image_surface_get_data(surface),
          format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32 else {
        throw PlotError.cairo(stage: "decoding a PNG", status: "unsupported pixel format \(format.rawValue)")
    }
    var rgb = [UInt8](repeating: 0, count: width * height * 3)
    for y in 0..<height {
        let row = data + y * stride
        for x in 0..<width {
            // Native-endian 32-bit pixels: 0xAARRGGBB, premultiplied alpha.
            let p = UnsafeRawPointer(row + 4 * x).loadUnaligned(as: UInt32.self)
            let a = format == CAIRO_FORMAT_ARGB32 ? Int(p >> 24) : 255
            let i = 3 * (y * width + x)
            for (c, shift) in [(0, 16), (1, 8), (2, 0)] as [(Int, UInt32)] {
                let premultiplied = Int((p >> shift) & 0xFF)
                rgb[i + c] = UInt8(min(255, premultiplied + (255 - a)))
            }
        }
    }
    return RasterImage(width: width, height: height, rgb: rgb)
}
