// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "opora",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "opora", targets: ["opora"]),
        .executable(name: "opora-bench", targets: ["opora-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .target(name: "Domain"),
        // Invented demo municipalities, schools, people and results: not a domain rule.
        .target(name: "DemoData", dependencies: ["Domain"]),
        // The system SQLite for bulk loading and fast reads of results (libsqlite3-dev).
        .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "FastStore", dependencies: ["CSQLite3"]),
        .target(name: "Importing", dependencies: [
            "Domain",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "Views", dependencies: [
            "Domain",
            .product(name: "Plot", package: "Plot"),
        ]),
        .target(name: "App", dependencies: [
            "Domain", "DemoData", "Importing", "Views",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
        ],
        // The benchmark target reads the app's internals (`@testable import App`) in release
        // builds too, rather than widening the app's API for it.
        swiftSettings: [.unsafeFlags(["-enable-testing"])]),
        .executableTarget(name: "opora", dependencies: ["App"]),
        // The benchmark and the country-scale machinery: not part of the server; measures the
        // server's own paths (BENCHMARKS.md). `opora-bench bench …`.
        .target(name: "Bench", dependencies: ["App", "FastStore"]),
        .executableTarget(name: "opora-bench", dependencies: ["Bench"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain", "DemoData"]),
        .testTarget(name: "ImportingTests", dependencies: ["Importing"]),
        .testTarget(name: "ViewsTests", dependencies: ["Views"]),
        .testTarget(name: "AppTests", dependencies: [
            "App", "DemoData", "Bench",
            .product(name: "VaporTesting", package: "vapor"),
        ]),
    ]
)
