/// The version printed by `meshrender --version`.
enum MeshrenderVersion {
    static let current = "0.1.0"
}
