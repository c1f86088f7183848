/// Why a dataset could not be read, located or fetched. Every case carries the file or place,
/// the problem, and `description` ends with what to do, so the CLI prints one line and exits 2.
public enum DataError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened or read (missing, permissions, an I/O error).
    case unreadable(path: String, reason: String)
    /// The gzip stream is corrupt or truncated.
    case corruptGzip(path: String, reason: String)
    /// The content is malformed: `place` locates it (a header field, a byte offset), `problem`
    /// says what was found versus expected, `fix` what to do.
    case malformed(path: String, place: String, problem: String, fix: String)
    /// The data after the header is shorter (truncated) or longer than the header's dimensions say.
    case lengthMismatch(path: String, expectedBytes: Int, actualBytes: Int)
    /// An images file and its labels file disagree on the number of examples.
    case countMismatch(images: String, labels: String, imageCount: Int, labelCount: Int)
    /// The SHA-256 of the decompressed content is not the published one.
    case checksumMismatch(path: String, expected: String, actual: String)
    /// A dataset's files were found in none of the searched folders.
    case notFound(dataset: String, missing: [String], searched: [String])
    /// Every mirror failed for a file; `reasons` has one entry per URL tried.
    case downloadFailed(file: String, reasons: [String], destination: String)
    /// A file could not be written (the folder, the reason).
    case unwritable(path: String, reason: String)
    /// A dataset name that is not known.
    case unknownDataset(String, known: [String])

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read: \(reason); check that the file exists and is readable"
        case let .corruptGzip(path, reason):
            return "\(path): corrupt or truncated gzip data: \(reason); delete the file and fetch it again (feedflip fetch)"
        case let .malformed(path, place, problem, fix):
            return "\(path): \(place): \(problem); \(fix)"
        case let .lengthMismatch(path, expected, actual):
            let what = actual < expected ? "truncated" : "has trailing data"
            return "\(path): \(what): the header promises \(expected) data bytes, the file has \(actual); delete the file and fetch it again (feedflip fetch)"
        case let .countMismatch(images, labels, ni, nl):
            return "\(images): \(ni) images but \(labels) has \(nl) labels; use the matching pair of files"
        case let .checksumMismatch(path, expected, actual):
            return "\(path): SHA-256 of the decompressed content is \(actual), expected \(expected); the file is corrupt or a different version: delete it and fetch it again (feedflip fetch)"
        case let .notFound(dataset, missing, searched):
            let debian = dataset == "fashion-mnist" ? " or `apt-get install dataset-fashion-mnist`" : ""
            return "dataset \(dataset) not found: missing \(missing.joined(separator: ", ")); searched \(searched.joined(separator: ", ")); run `feedflip fetch \(dataset)`\(debian), or put the files in <data-dir>/\(dataset)/ and pass --data-dir or set FEEDFLIP_DATA"
        case let .downloadFailed(file, reasons, destination):
            return "cannot download \(file): \(reasons.joined(separator: "; ")); without network access, copy the file into \(destination) by hand (or pass --data-dir / set FEEDFLIP_DATA to a folder holding <dataset>/\(file))"
        case let .unwritable(path, reason):
            return "\(path): cannot write: \(reason); choose a writable folder"
        case let .unknownDataset(name, known):
            return "unknown dataset \"\(name)\"; known: \(known.joined(separator: ", "))"
        }
    }
}
