// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Mieruka",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mieruka", targets: ["mieruka"]),
        .library(name: "MierukaCore", targets: ["MierukaCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // Pure core: domain records, periods, the KPI catalog (data) and the KPI engine. Foundation only, no I/O.
        .target(name: "MierukaCore"),
        // Streaming CSV reading and writing: RFC 4180, UTF-8 (with or without BOM) and CP932. Foundation only.
        .target(name: "MierukaCSV"),
        // The store: schema migrations, upserts, settings history and the queries that feed the engine.
        .target(
            name: "MierukaStore",
            dependencies: [
                "MierukaCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // Mapping files, field parsing, validation with file:line:column errors, and the all-or-nothing import.
        .target(
            name: "MierukaImport",
            dependencies: ["MierukaCore", "MierukaCSV", "MierukaStore", .product(name: "Yams", package: "Yams")]
        ),
        // Tables to files people hand on: CSV (UTF-8 with BOM or CP932) and xlsx workbooks written by our own code.
        .target(
            name: "MierukaExport",
            dependencies: ["MierukaCore", "MierukaCSV", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The pages as pure Swift: dashboard view model and server-rendered HTML/SVG (no framework, no I/O).
        .target(name: "MierukaViews", dependencies: ["MierukaCore"]),
        // HTTP: pages, JSON API, sessions and access control over the same services the CLI uses.
        .target(
            name: "MierukaWeb",
            dependencies: [
                "MierukaCore", "MierukaCSV", "MierukaStore", "MierukaImport", "MierukaViews", "MierukaExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // A realistic, deterministic demo organisation, streamed record by record. Foundation only, no I/O.
        .target(name: "MierukaDemo", dependencies: ["MierukaCore"]),
        .executableTarget(
            name: "mieruka",
            dependencies: [
                "MierukaCore", "MierukaCSV", "MierukaImport", "MierukaStore", "MierukaDemo", "MierukaWeb", "MierukaExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Throw-away stores for the store-level tests, on SQLite and (with MIERUKA_TEST_DATABASE_URL) on PostgreSQL.
        .target(
            name: "MierukaTestSupport",
            dependencies: [
                "MierukaStore", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tests/MierukaTestSupport"
        ),
        // The benchmark: demo data at a chosen size, import, dashboard path, HTTP, against sqlite3 and DuckDB references.
        .executableTarget(
            name: "mieruka-bench",
            dependencies: [
                "MierukaCore", "MierukaCSV", "MierukaStore", "MierukaDemo", "MierukaWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MierukaCoreTests", dependencies: ["MierukaCore"]),
        .testTarget(name: "MierukaCSVTests", dependencies: ["MierukaCSV"]),
        .testTarget(
            name: "MierukaExportTests",
            dependencies: ["MierukaExport", "MierukaCore", "MierukaCSV", "MierukaTestSupport"]
        ),
        .testTarget(name: "MierukaImportTests", dependencies: ["MierukaImport", "MierukaStore", "MierukaCore", "MierukaTestSupport"]),
        .testTarget(name: "MierukaDemoTests", dependencies: ["MierukaDemo", "MierukaCore"]),
        .testTarget(
            name: "MierukaWebTests",
            dependencies: [
                "MierukaWeb", "MierukaStore", "MierukaImport", "MierukaCore", "MierukaTestSupport", "MierukaCSV",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "MierukaViewsTests", dependencies: ["MierukaViews", "MierukaCore"]),
        .testTarget(
            name: "MierukaStoreTests", dependencies: ["MierukaStore", "MierukaImport", "MierukaCore", "MierukaCSV", "MierukaTestSupport"]),
        // Runs the built `mieruka` binary end to end (swift build first; scripts/test.sh does).
        .testTarget(name: "MierukaCLITests", dependencies: ["MierukaStore", "MierukaCore", "MierukaCSV", "MierukaTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
