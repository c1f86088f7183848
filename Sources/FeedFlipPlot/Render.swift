// The one entry point: a figure value in, PNG or PDF bytes out (no files are written).

import CCairo
import Foundation

/// An output format of `render`.
public enum ImageFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// A raster PNG at a chosen resolution (opaque RGB, white background).
    case png
    /// A one-page vector PDF with text as text (fonts embedded as subsets).
    case pdf

    /// The file name extension without a dot.
    public var fileExtension: String { rawValue }
}

/// The fixed creation date written into every PDF so that equal figures give equal bytes.
let fixedPDFDate = "2000-01-01T00:00:00Z"

/// Renders `figure` to the bytes of a PNG (at `dpi`, sizes in points map to
/// size x dpi / 72 pixels) or a PDF (size in points, vector). Equal figures give equal bytes.
/// Throws `PlotError` for an invalid size or resolution or a cairo failure.
public func render(_ figure: Figure, format: ImageFormat, dpi: Double = 300) throws -> [UInt8] {
    guard figure.width.isFinite, figure.height.isFinite,
          (1...10000).contains(figure.width), (1...10000).contains(figure.height) else {
        throw PlotError.invalidSize(width: figure.width, height: figure.height)
    }
    try figure.validate()
    switch format {
    case .png:
        guard dpi.isFinite, (10...2400).contains(dpi) else { throw PlotError.invalidResolution(dpi: dpi) }
        return try renderPNG(figure, dpi: dpi)
    case .pdf:
        return try renderPDF(figure)
    }
}

/// Collects the bytes cairo writes to a stream.
final class ByteSink {
    var bytes: [UInt8] = []
}

private func statusText(_ s: cairo_status_t) -> String {
    guard let c = cairo_status_to_string(s) else { return "status \(s.rawValue)" }
    return String(cString: c)
}

private func check(_ status: cairo_status_t, _ stage: String) throws {
    if status != CAIRO_STATUS_SUCCESS { throw PlotError.cairo(stage: stage, status: statusText(status)) }
}

private let sinkWriter: cairo_write_func_t = { closure, data, length in
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    if let data, length > 0 {
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    }
    return CAIRO_STATUS_SUCCESS
}

/// Draws the figure on a fresh context over `surface`, scaled by `scale` (pixels per point).
private func draw(_ figure: Figure, on surface: OpaquePointer, scale: Double) throws {
    guard let cr = cairo_create(surface) else { throw PlotError.cairo(stage: "creating a context", status: "null") }
    defer { cairo_destroy(cr) }
    cairo_scale(cr, scale, scale)
    let canvas = Canvas(cr: cr)
    canvas.fill(Rect(x: 0, y: 0, width: figure.width, height: figure.height), .white)
    figure.draw(on: canvas)
    try check(cairo_status(cr), "drawing the figure")
}

private func renderPNG(_ figure: Figure, dpi: Double) throws -> [UInt8] {
    let scale = dpi / 72
    let w = Int32(max((figure.width * scale).rounded(), 1)), h = Int32(max((figure.height * scale).rounded(), 1))
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h) else {
        throw PlotError.cairo(stage: "creating a \(w)x\(h) image", status: "null")
    }
    defer { cairo_surface_destroy(surface) }
    try check(cairo_surface_status(surface), "creating a \(w)x\(h) image")
    try draw(figure, on: surface, scale: scale)
    cairo_surface_flush(surface)
    guard let data = cairo_image_surface_get_data(surface) else {
        throw PlotError.cairo(stage: "reading the \(w)x\(h) image", status: "no pixel data")
    }
    return try encodePNG(data: data, width: Int(w), height: Int(h),
                         stride: Int(cairo_image_surface_get_stride(surface)), dpi: dpi)
}

private func renderPDF(_ figure: Figure) throws -> [UInt8] {
    let sink = ByteSink()
    return try withExtendedLifetime(sink) {
        guard let surface = cairo_pdf_surface_create_for_stream(
            sinkWriter, Unmanaged.passUnretained(sink).toOpaque(), figure.width, figure.height) else {
            throw PlotError.cairo(stage: "creating a PDF surface", status: "null")
        }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), "creating a PDF surface")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, fixedPDFDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, fixedPDFDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "FeedFlipNets")
        if !figure.documentTitle.isEmpty {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, figure.documentTitle)
        }
        try draw(figure, on: surface, scale: 1)
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "writing the PDF")
        return sink.bytes
    }
}
