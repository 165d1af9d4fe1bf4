import TemplateEngine
import GoValues

/// Sprig's key and certificate functions: `genPrivateKey`, `genCA`, `genCAWithKey`,
/// `genSelfSignedCert`, `genSelfSignedCertWithKey`, `genSignedCert`, `genSignedCertWithKey` and
/// `buildCustomCert`. Certificates come back as sprig's `certificate` struct, whose `.Cert` and
/// `.Key` fields hold PEM text; keys and certificates are random, as in Helm.
///
/// Keys made for certificates are RSA 2048; `genPrivateKey` makes RSA 4096 (`rsa` or ""),
/// ECDSA P-256 (`ecdsa`) and Ed25519 (`ed25519`) keys. DSA (`dsa`) is refused with an error,
/// since swift-crypto has no DSA.
enum CertificateFunctions {
    /// sprig's `certificate` type.
    static let typeName = "sprig.certificate"

    static let table: [String: StructuredFunction] = [
        "genPrivateKey": { a in
            try expect(a, 1, "genPrivateKey")
            let type = try string(a, 0)
            let key: TemplateKey
            switch type {
            case "", "rsa": key = try make { try TemplateKey.rsa(bits: 4096) }
            case "ecdsa": key = .p256(.init())
            case "ed25519": key = .ed25519(.init())
            case "dsa": throw callFailure(TemplateKey.dsaRefusal)
            default: return .value(.string("Unknown type " + type))
            }
            return .value(.string(try make { try key.pem() }))
        },
        "genCA": { a in
            try expect(a, 2, "genCA")
            let maker = CertificateMaker(commonName: try string(a, 0), daysValid: try int(a, 1), isCA: true)
            return try certificate(maker, key: try make { try TemplateKey.rsa(bits: 2048) })
        },
        "genCAWithKey": { a in
            try expect(a, 3, "genCAWithKey")
            let maker = CertificateMaker(commonName: try string(a, 0), daysValid: try int(a, 1), isCA: true)
            return try certificate(maker, key: try parsedKey(try string(a, 2)))
        },
        "genSelfSignedCert": { a in
            try expect(a, 4, "genSelfSignedCert")
            return try certificate(try maker(a), key: try make { try TemplateKey.rsa(bits: 2048) })
        },
        "genSelfSignedCertWithKey": { a in
            try expect(a, 5, "genSelfSignedCertWithKey")
            let maker = try maker(a)
            return try certificate(maker, key: try parsedKey(try string(a, 4)))
        },
        "genSignedCert": { a in
            try expect(a, 5, "genSignedCert")
            let maker = try maker(a)
            let ca = try certificateArgument(a, 4)
            return try certificate(maker, key: try make { try TemplateKey.rsa(bits: 2048) }, signer: ca)
        },
        "genSignedCertWithKey": { a in
            try expect(a, 6, "genSignedCertWithKey")
            let maker = try maker(a)
            let ca = try certificateArgument(a, 4)
            let key = try string(a, 5)
            let signer = try CertificateMaker.signer(cert: ca.cert, key: ca.key)
            return try certificate(maker, key: try parsedKey(key), signer: signer)
        },
        "buildCustomCert": { a in
            try expect(a, 2, "buildCustomCert")
            let certText = try string(a, 0), keyText = try string(a, 1)
            guard case .success(let cert) = Base64.decode(certText) else { throw callFailure("unable to decode base64 certificate") }
            guard case .success(let key) = Base64.decode(keyText) else { throw callFailure("unable to decode base64 private key") }
            let certPEM = String(decoding: cert, as: UTF8.self), keyPEM = String(decoding: key, as: UTF8.self)
            guard let block = PEMBlock(decoding: certPEM) else { throw callFailure("unable to decode certificate") }
            guard (try? CertificateMaker.parse(der: block.bytes)) != nil else {
                throw callFailure("error parsing certificate: decodedCert.Bytes: x509: malformed certificate")
            }
            do {
                _ = try TemplateKey(pem: keyPEM)
            } catch let e as FunctionError {
                throw callFailure("error parsing private key: \(e.message)")
            }
            return .structure(structure(cert: certPEM, key: keyPEM))
        },
    ]

    /// The struct templates see: `{{ $ca.Cert }}`, `{{ $ca.Key }}`.
    static func structure(cert: String, key: String) -> GoStruct {
        GoStruct(typeName: typeName, fields: [.init("Cert", .string(cert)), .init("Key", .string(key))])
    }

    // MARK: arguments, with Go's conversion errors

    private static func expect(_ a: [StructuredArgument], _ n: Int, _ name: String) throws {
        if a.count != n { throw FunctionError.wrongArgumentCount(name, want: n, got: a.count) }
    }

    private static func typeName(_ a: StructuredArgument) -> String {
        if let s = a.structure { return s.typeName }
        if a.time != nil { return "time.Time" }
        return a.value == .null ? "interface {}" : a.value.goTypeName
    }

    private static func string(_ a: [StructuredArgument], _ i: Int) throws -> String {
        guard a[i].structure == nil, case .string(let s) = a[i].value else {
            throw FunctionError.wrongType(expected: "string", got: typeName(a[i]), argumentIndex: i)
        }
        return s
    }

    private static func int(_ a: [StructuredArgument], _ i: Int) throws -> Int {
        guard a[i].structure == nil, case .int(let n) = a[i].value else {
            throw FunctionError.wrongType(expected: "int", got: typeName(a[i]), argumentIndex: i)
        }
        return Int(truncatingIfNeeded: n)
    }

    /// A `[]interface{}` parameter (nil is a nil slice).
    private static func list(_ a: [StructuredArgument], _ i: Int) throws -> [Value] {
        if a[i].structure == nil, let elements = a[i].value.listElements { return elements }
        if a[i].structure == nil, a[i].value == .null { return [] }
        throw FunctionError.wrongType(expected: "[]interface {}", got: typeName(a[i]), argumentIndex: i)
    }

    /// A `certificate` parameter: only the struct the certificate functions return.
    private static func certificateArgument(_ a: [StructuredArgument], _ i: Int) throws -> (cert: String, key: String) {
        guard let s = a[i].structure, s.typeName == typeName,
              case .value(.string(let cert))? = s.fields.first(where: { $0.name == "Cert" })?.content,
              case .value(.string(let key))? = s.fields.first(where: { $0.name == "Key" })?.content
        else {
            throw FunctionError.wrongType(expected: typeName, got: typeName(a[i]), argumentIndex: i)
        }
        return (cert, key)
    }

    /// The common name, IPs, DNS names and days of the `gen*Cert*` functions.
    private static func maker(_ a: [StructuredArgument]) throws -> CertificateMaker {
        let cn = try string(a, 0)
        let ips = try list(a, 1), dns = try list(a, 2)
        let days = try int(a, 3)
        var maker = CertificateMaker(commonName: cn, daysValid: days)
        for ip in ips {
            guard case .string(let text) = ip else { throw callFailure("error parsing ip: \(GoPrintf.sprint([ip])) is not a string") }
            guard let bytes = GoIP.parse(text) else { throw callFailure("error parsing ip: \(text)") }
            maker.ipAddresses.append(bytes)
        }
        for name in dns {
            guard case .string(let text) = name else {
                throw callFailure("error processing alternate dns name: \(GoPrintf.sprint([name])) is not a string")
            }
            maker.dnsNames.append(text)
        }
        return maker
    }

    private static func parsedKey(_ pem: String) throws -> TemplateKey {
        do {
            return try TemplateKey(pem: pem)
        } catch let e as FunctionError {
            throw callFailure("parsing private key: \(e.message)")
        }
    }

    private static func certificate(
        _ maker: CertificateMaker, key: TemplateKey, signer: CertificateMaker.Signer? = nil
    ) throws -> StructuredResult {
        let cert = try make { try maker.pem(for: key, signedBy: signer) }
        return .structure(structure(cert: cert, key: try make { try key.pem() }))
    }

    private static func certificate(
        _ maker: CertificateMaker, key: TemplateKey, signer ca: (cert: String, key: String)
    ) throws -> StructuredResult {
        try certificate(maker, key: key, signer: try CertificateMaker.signer(cert: ca.cert, key: ca.key))
    }

    /// Runs a crypto step, reporting a library failure as the function's error.
    private static func make<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as FunctionError {
            throw e
        } catch {
            throw callFailure("error creating certificate: \(error)")
        }
    }
}
