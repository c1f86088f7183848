import CZlib
import Foundation

/// Reads whole files, gunzipping them when they start with the gzip magic (1f 8b).
public enum GzipReader {
    /// The content of the file at `path`, decompressed when it is gzip (every member, CRC checked).
    /// - Throws: `DataError.unreadable` or `.corruptGzip` with the path and zlib's message.
    public static func contents(of path: String) throws(DataError) -> [UInt8] {
        let raw: [UInt8]
        do {
            raw = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        guard raw.count >= 2, raw[0] == 0x1F, raw[1] == 0x8B else { return raw }
        return try gunzip(raw, path: path)
    }

    /// Decompresses gzip bytes (all concatenated members); `path` only names the source in errors.
    public static func gunzip(_ input: [UInt8], path: String) throws(DataError) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(input.count * 5)
        var strm = z_stream()
        // windowBits 16 + 15: gzip wrapper only.
        guard inflateInit2_(&strm, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corruptGzip(path: path, reason: "zlib could not initialise")
        }
        defer { inflateEnd(&strm) }
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        var consumed = 0
        var failure: String?
        input.withUnsafeBufferPointer { inp in
            strm.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
            strm.avail_in = UInt32(inp.count)
            while true {
                let status: Int32 = buffer.withUnsafeMutableBufferPointer { b in
                    strm.next_out = b.baseAddress
                    strm.avail_out = UInt32(chunk)
                    return inflate(&strm, Z_NO_FLUSH)
                }
                out.append(contentsOf: buffer[0..<(chunk - Int(strm.avail_out))])
                if status == Z_STREAM_END {
                    consumed = inp.count - Int(strm.avail_in)
                    // Another gzip member follows: continue with it (as gunzip does).
                    if strm.avail_in >= 2, inp[consumed] == 0x1F, inp[consumed + 1] == 0x8B {
                        inflateReset(&strm)
                        continue
                    }
                    if strm.avail_in > 0 { failure = "\(strm.avail_in) bytes of trailing garbage after the gzip stream" }
                    return
                }
                if status != Z_OK {
                    let msg = strm.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    failure = status == Z_BUF_ERROR ? "unexpected end of file (truncated)" : msg
                    return
                }
                if strm.avail_in == 0 && strm.avail_out != 0 {
                    failure = "unexpected end of file (truncated)"
                    return
                }
            }
        }
        if let f = failure { throw .corruptGzip(path: path, reason: f) }
        return out
    }
}
