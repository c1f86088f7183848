import Foundation
import FeedFlipData

/// `feedflip fetch`: download a dataset into the data store, verified and atomically.
enum FetchCommand {
    static let specs: [OptionSpec] = [
        .init(name: "into", arity: .one, metavar: "DIR", help: "Data root to fill; default: $FEEDFLIP_DATA, else the per-user cache (~/.cache/feedflip)."),
        .init(name: "mirror", arity: .many, metavar: "URL...", help: "Base URLs to try instead of the public mirrors (mnist, fashion-mnist)."),
        .init(name: "url", arity: .one, metavar: "URL", help: "The file's address instead of the dataset's home (tinystories)."),
        .init(name: "timeout", arity: .one, metavar: "S", help: "Seconds before one download attempt is abandoned; default: 600."),
    ]

    static func run(_ argv: [String]) throws -> Int32 {
        if argv.contains("--help") {
            Console.out(helpText(command: "fetch", summary: "Download a dataset (mnist, fashion-mnist, tinystories) from its public address into the data store. MNIST files are verified by the SHA-256 of their decompressed content; the TinyStories file's size and SHA-256 are recorded beside it.",
                                 usage: "DATASET [options]", specs: specs))
            return 0
        }
        guard let name = argv.first, !name.hasPrefix("--") else {
            throw UsageError("fetch: name a dataset: mnist, fashion-mnist or tinystories (see `feedflip fetch --help`)")
        }
        let args = try ParsedArguments(command: "fetch", arguments: Array(argv.dropFirst()), specs: specs)
        let store = DataStore()
        let root = args.string("into") ?? ProcessInfo.processInfo.environment["FEEDFLIP_DATA"].flatMap { $0.isEmpty ? nil : $0 } ?? store.cacheRoot
        let timeout = try args.int("timeout", minimum: 1) ?? 600
        if name == "tinystories" {
            if args.has("mirror") { throw UsageError("fetch: --mirror is for mnist and fashion-mnist; use --url for tinystories") }
            let fetcher = TinyStoriesFetcher(url: args.string("url") ?? TinyStoriesFetcher.homeURL, timeoutSeconds: timeout)
            Console.err("fetch: tinystories from \(fetcher.url) into \(root)/\(TinyStoriesFetcher.folder)/")
            let (record, downloaded) = try fetcher.fetch(into: root)
            Console.out("\(downloaded ? "downloaded" : "already present"): \(root)/\(TinyStoriesFetcher.folder)/\(record.fileName) (\(record.bytes) bytes, \(record.stories) stories, SHA-256 \(record.sha256))")
            return 0
        }
        let kind: ImageDatasetKind
        do { kind = try ImageDatasetKind.named(name) } catch {
            throw UsageError("fetch: unknown dataset \"\(name)\"; known: mnist, fashion-mnist, tinystories")
        }
        if args.has("url") { throw UsageError("fetch: --url is for tinystories; use --mirror for \(name)") }
        let fetcher = DatasetFetcher(dataset: kind, mirrors: args.strings("mirror"), timeoutSeconds: timeout)
        Console.err("fetch: \(name) from \(fetcher.mirrors.joined(separator: ", ")) into \(root)/\(kind.folder)/")
        let outcomes = try fetcher.fetch(kind, into: root)
        for file in ImageDatasetKind.fileNames {
            switch outcomes[file] {
            case .alreadyPresent?: Console.out("already present and verified: \(root)/\(kind.folder)/\(file)")
            case let .downloaded(url)?: Console.out("downloaded and verified: \(root)/\(kind.folder)/\(file) from \(url)")
            case nil: break
            }
        }
        return 0
    }
}
