import Foundation
import FeedFlipReport

/// Writes the report files: Markdown, LaTeX (and PDF through latexmk when installed), JUnit XML.
enum ReportOutputs {
    static func write(document: LiterateDocument, data: ReportData, results: [ClaimResult], to dir: URL,
                      log: (String) -> Void) throws(BuildError) {
        try AtomicFile.write(MarkdownWriter.report(document: document, data: data), to: dir.appendingPathComponent("report.md"))
        let tex = LatexWriter.report(document: document, data: data)
        try AtomicFile.write(tex, to: dir.appendingPathComponent("report.tex"))
        try AtomicFile.write(JUnitWriter.xml(results: results), to: dir.appendingPathComponent("junit.xml"))
        compilePDF(dir: dir, log: log)
    }

    /// Compiles `report.tex` to `report.pdf` with latexmk (pdflatex) when it is installed, in a
    /// scratch folder, then moves the PDF in atomically. Reproducible: SOURCE_DATE_EPOCH is fixed.
    static func compilePDF(dir: URL, log: (String) -> Void) {
        let pdf = dir.appendingPathComponent("report.pdf")
        guard Shell.exists("latexmk") else {
            try? FileManager.default.removeItem(at: pdf)
            log("build: latexmk is not installed; report.pdf not built (report.tex is written)")
            return
        }
        let work = dir.appendingPathComponent(".latex")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let env = ["SOURCE_DATE_EPOCH": "946684800", "FORCE_SOURCE_DATE": "1", "TEXINPUTS": dir.path + ":"]
        let r = Shell.run(["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "-quiet",
                           "-outdir=\(work.path)", dir.appendingPathComponent("report.tex").path],
                          cwd: dir, environment: env)
        let built = work.appendingPathComponent("report.pdf")
        if r?.status == 0, let bytes = try? Data(contentsOf: built) {
            do { try AtomicFile.write(Array(bytes), to: pdf) } catch {
                log("build: cannot write report.pdf: \(error)")
            }
            log("build: report.pdf compiled with latexmk")
        } else {
            try? FileManager.default.removeItem(at: pdf)
            let tail = r?.output.split(separator: "\n").suffix(15).joined(separator: "\n") ?? "latexmk could not be started"
            log("build: warning: latexmk failed; report.pdf not built. Log: \(work.path)/report.log\n\(tail)")
        }
    }
}
