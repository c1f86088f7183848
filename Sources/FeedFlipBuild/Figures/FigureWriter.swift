import Foundation
import FeedFlipPlot

/// A figure with the file name (without extension) it is written under.
public struct NamedFigure: Sendable {
    public var name: String
    public var figure: Figure

    public init(_ name: String, _ figure: Figure) {
        self.name = name
        self.figure = figure
    }
}

/// Renders figures to PNG and PDF (same names) and writes them atomically.
public enum FigureWriter {
    /// Renders every figure in both formats on `jobs` threads and writes `<folder>/<name>.png|.pdf`.
    /// - Throws: `BuildError.invalid` for a figure the plotting layer rejects, or `.unwritable`.
    public static func write(_ figures: [NamedFigure], to folder: URL, jobs: Int = Scheduler.defaultJobs) throws(BuildError) {
        try AtomicFile.prepareFolder(folder)
        let work = figures.flatMap { f in ImageFormat.allCases.map { (f, $0) } }
        let results = Scheduler.map(work, jobs: jobs) { item -> Result<Void, BuildError> in
            let (f, format) = item
            let bytes: [UInt8]
            do { bytes = try render(f.figure, format: format) } catch {
                return .failure(.invalid("figure \(f.name): \(error)"))
            }
            do throws(BuildError) {
                try AtomicFile.write(bytes, to: folder.appendingPathComponent("\(f.name).\(format.fileExtension)"))
            } catch { return .failure(error) }
            return .success(())
        }
        for r in results { if case let .failure(e) = r { throw e } }
    }
}

/// Shortens a curve to at most `maxPoints` points by taking evenly spaced epochs (always
/// keeping the first and the last), for plotting only.
func thin(_ n: Int, maxPoints: Int) -> [Int] {
    guard n > maxPoints, maxPoints >= 2 else { return Array(0..<n) }
    return (0..<maxPoints).map { i in Int((Double(i) * Double(n - 1) / Double(maxPoints - 1)).rounded()) }
}
