// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "chatzy-inbox",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chatzy-inbox", targets: ["chatzy-inbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The only C in the project: a bridge to the system's wide-character ncurses.
        .systemLibrary(
            name: "CNcursesw",
            path: "Modules/CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Wire models, request building, decoding, errors, auth. No UI.
        .target(name: "ChatzyAPI"),
        // The view-model: a pure state machine. No I/O, no clock, no Dispatch, no curses.
        .target(name: "InboxCore", dependencies: ["ChatzyAPI"]),
        // Pure rendering: state + size -> screen of cells; text width; sanitizing.
        .target(name: "InboxRender", dependencies: ["InboxCore", "ChatzyAPI"]),
        // The fetch worker on a Dispatch queue and the UI-thread store.
        .target(name: "InboxRuntime", dependencies: ["InboxCore", "ChatzyAPI"]),
        // The only importer of CNcursesw.
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "InboxRender", "InboxRuntime", "InboxCore"]),
        // The Chatzy contract on loopback: embedded default and test peer.
        .target(name: "DemoServer", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The command line's testable parts: settings and config file, list output, logging,
        // password input. No curses.
        .target(name: "InboxCLI", dependencies: ["ChatzyAPI", "InboxCore", "InboxRender"]),
        // The executable: commands, configuration, wiring.
        .executableTarget(name: "chatzy-inbox", dependencies: [
            "ChatzyAPI", "InboxCore", "InboxRuntime", "InboxRender", "TerminalUI", "DemoServer", "InboxCLI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The benchmark: drives the release chatzy-inbox in a pty against DemoServers (scripts/bench.sh).
        .executableTarget(name: "chatzy-inbox-bench", dependencies: [
            "ChatzyAPI", "DemoServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "ChatzyAPITests", dependencies: ["ChatzyAPI", "DemoServer"]),
        .testTarget(name: "InboxCoreTests", dependencies: ["InboxCore", "ChatzyAPI"]),
        .testTarget(name: "InboxRenderTests", dependencies: ["InboxRender", "InboxCore", "ChatzyAPI"],
                    exclude: ["Goldens", "ConversationGoldens"]),
        .testTarget(name: "InboxRuntimeTests", dependencies: ["InboxRuntime", "InboxCore", "ChatzyAPI", "DemoServer"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "InboxCore"]),
        .testTarget(name: "DemoServerTests", dependencies: ["DemoServer"]),
        .testTarget(name: "CLITests", dependencies: ["InboxCLI", "ChatzyAPI", "InboxCore", "InboxRender", "DemoServer"]),
        .testTarget(name: "EndToEndTests", dependencies: ["DemoServer"]),
    ],
    swiftLanguageModes: [.v6]
)
