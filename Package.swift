// swift-tools-version:6.1
import PackageDescription

/// Upcoming features every target opts into (as Hummingbird does).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ClinicDesk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "clinicdesk", targets: ["clinicdesk"]),
        .executable(name: "clinicdesk-server", targets: ["clinicdesk-server"]),
        .library(name: "ClinicCore", targets: ["ClinicCore"]),
        .library(name: "ClinicStore", targets: ["ClinicStore"]),
        .library(name: "SyncProtocol", targets: ["SyncProtocol"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // Domain values and rules. Foundation only, no I/O.
        .target(name: "ClinicCore", swiftSettings: strictSettings),
        // The one door to SQLite.
        .target(
            name: "ClinicStore",
            dependencies: [
                "ClinicCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),  // the SQLite C API, for PatientSearchFloor
                .product(name: "Crypto", package: "swift-crypto"),  // SHA-256 for the audit chain
            ],
            swiftSettings: strictSettings
        ),
        // Wire types and routes shared by the sync client and the server.
        .target(name: "SyncProtocol", dependencies: ["ClinicCore"], swiftSettings: strictSettings),
        // Terminal toolkit: cells, buffer and diff, layout, widgets, themes, keymaps, key events. No curses.
        .target(
            name: "TerminalKit",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strictSettings
        ),
        // ncursesw with the wide-character API, and the one backend that uses it.
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "TerminalKitNcurses", dependencies: ["TerminalKit", "CNcursesw"], swiftSettings: strictSettings),
        // Snapshot and key-script helpers for tests of screens.
        .target(name: "TerminalKitTesting", dependencies: ["TerminalKit"], swiftSettings: strictSettings),
        // The application: state, actions, reducer, effects, screens and panes. No I/O of its own.
        .target(name: "FrontDesk", dependencies: ["ClinicCore", "TerminalKit"], swiftSettings: strictSettings),
        // The client sync engine: a state machine without I/O, a runner, and an HTTP transport.
        .target(
            name: "ClinicSync",
            dependencies: [
                "ClinicCore", "ClinicStore", "SyncProtocol",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // The central sync server: routes, authentication, PostgreSQL repositories, migrations.
        .target(
            name: "ClinicServer",
            dependencies: [
                "ClinicCore", "SyncProtocol",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Resources/openapi.json")],
            swiftSettings: strictSettings
        ),
        // Test support for server and client-side sync tests: scratch databases, a server on a free port.
        .target(
            name: "ClinicServerTesting",
            dependencies: [
                "ClinicServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // The operator's command: migrate, clinic add/code/list, device list, serve.
        .executableTarget(
            name: "clinicdesk-server",
            dependencies: [
                "ClinicServer",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The app's live dependencies over a clinic database, shared by the executable, benchmarks and tests.
        .target(
            name: "ClinicDeskLive",
            dependencies: ["ClinicCore", "ClinicStore", "FrontDesk", "ClinicData", "ClinicPrint"],
            swiftSettings: strictSettings
        ),
        // Reference data from the top-level `data/` folder, embedded in the binary.
        .target(
            name: "ClinicData",
            dependencies: ["ClinicCore"],
            exclude: ["data/README.md"],
            resources: [
                .embedInCode("data/passwords/common.txt"),
                .embedInCode("data/names/latin.txt"),
                .embedInCode("data/names/arabic.txt"),
                .embedInCode("data/names/devanagari.txt"),
                .embedInCode("data/names/cjk.txt"),
                .embedInCode("data/names/vietnamese.txt"),
                .embedInCode("data/formulary/forms.txt"),
                .embedInCode("data/formulary/classes.txt"),
                .embedInCode("data/formulary/drugs.txt"),
                .embedInCode("data/formulary/combinations.txt"),
                .embedInCode("data/formulary/interactions.txt"),
                .embedInCode("data/formulary/allergy-rules.txt"),
                .embedInCode("data/formulary/duplicates.txt"),
                .embedInCode("data/sig/routes.txt"),
                .embedInCode("data/sig/frequencies.txt"),
                .embedInCode("data/sig/units.txt"),
                .embedInCode("data/sig/phrases.txt"),
                .embedInCode("data/sig/do-not-use.txt"),
                .embedInCode("themes/default.toml"),
                .embedInCode("themes/light.toml"),
                .embedInCode("themes/high-contrast.toml"),
                .embedInCode("themes/mono.toml"),
                .embedInCode("themes/ansi16.toml"),
            ],
            swiftSettings: strictSettings
        ),
        // Keymaps from the top-level `keymaps/` folder, embedded in the binary.
        .target(
            name: "ShippedKeymaps",
            resources: [
                .embedInCode("keymaps/default.toml"), .embedInCode("keymaps/vim.toml"), .embedInCode("keymaps/classic.toml"),
            ],
            swiftSettings: strictSettings
        ),
        // Demo clinic generation (pure generation plus bulk load through the store).
        .target(
            name: "ClinicDemo",
            dependencies: ["ClinicCore", "ClinicStore", "ClinicData"],
            swiftSettings: strictSettings
        ),
        // Printed documents (prescription slips, receipts) as PDF: pango over cairo shapes every
        // script the clinic's names are written in; libqrencode draws the verification QR code.
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "ClinicPrint", dependencies: ["CPangoCairo", "CQRencode"], swiftSettings: strictSettings),
        // Argon2id password hashing over the system libargon2.
        .systemLibrary(name: "CArgon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"])]),
        .target(name: "PasswordHashing", dependencies: ["ClinicCore", "CArgon2"], swiftSettings: strictSettings),
        // Encrypted backup files (Argon2id key, AES-GCM in chunks) and how backups are named and kept.
        .target(
            name: "ClinicBackup",
            dependencies: ["PasswordHashing", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "clinicdesk",
            dependencies: [
                "ClinicCore", "ClinicStore", "ClinicDemo", "PasswordHashing", "ClinicData", "ShippedKeymaps", "ClinicBackup",
                "FrontDesk", "TerminalKit", "TerminalKitNcurses", "ClinicSync", "SyncProtocol", "ClinicDeskLive", "ClinicPrint",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "clinicdesk-bench",
            dependencies: [
                "ClinicCore", "ClinicStore", "ClinicDemo", "ClinicDeskLive", "FrontDesk", "TerminalKit", "ShippedKeymaps",
                "ClinicSync", "ClinicServer", "SyncProtocol", "PasswordHashing", "ClinicData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ClinicCoreTests", dependencies: ["ClinicCore", "ClinicData"], swiftSettings: strictSettings),
        .testTarget(name: "ClinicDataTests", dependencies: ["ClinicData", "ClinicCore"], swiftSettings: strictSettings),
        .testTarget(name: "ClinicBackupTests", dependencies: ["ClinicBackup", "PasswordHashing"], swiftSettings: strictSettings),
        .testTarget(name: "ClinicPrintTests", dependencies: ["ClinicPrint", "CPangoCairo"], swiftSettings: strictSettings),
        .testTarget(
            name: "TerminalKitTests",
            dependencies: ["TerminalKit", "TerminalKitTesting"],
            exclude: ["Snapshots"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TerminalKitNcursesTests",
            dependencies: ["TerminalKitNcurses", "TerminalKit"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ClinicStoreTests",
            dependencies: ["ClinicCore", "ClinicStore", "ClinicDemo", "ClinicData"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FrontDeskTests",
            dependencies: [
                "FrontDesk", "ClinicCore", "ClinicStore", "PasswordHashing", "TerminalKit", "TerminalKitTesting",
                "ShippedKeymaps", "ClinicData", "ClinicDeskLive",
            ],
            exclude: ["Snapshots", "Features/Queue/Snapshots", "Features/Schedule/Snapshots"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ClinicSyncTests",
            dependencies: [
                "ClinicSync", "ClinicStore", "ClinicCore", "SyncProtocol", "ClinicServer", "ClinicServerTesting", "ClinicDemo",
                "PasswordHashing",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ClinicServerTests",
            dependencies: [
                "ClinicServer", "ClinicServerTesting", "ClinicCore", "SyncProtocol",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ClinicDeskCLITests",
            dependencies: ["ClinicCore", "ClinicStore", "PasswordHashing"],
            swiftSettings: strictSettings
        ),
    ]
)
