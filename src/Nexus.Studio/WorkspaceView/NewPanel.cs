namespace Nexus.Studio.WorkspaceView;

/// <summary>A panel to add: a template id, or NXML source (exactly one of the two).</summary>
public sealed record NewPanel(string? TemplateId, string? Source);
