/// The chart types (``Chart``, ``ChartLoader``, ``BuiltinChart``, ``ChartRenderError``, ``ReleaseName``) are part of
/// the front door: a program that imports MeshRender loads and renders charts without importing Charts itself.
@_exported import Charts

/// Where the pipelines read their inputs from (``Pipeline`` takes one on every call), and why a read failed.
@_exported import struct Platform.FileAccess
@_exported import struct Platform.ReadError
