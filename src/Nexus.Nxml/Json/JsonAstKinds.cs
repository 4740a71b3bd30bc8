namespace Nexus.Nxml.Json;

/// <summary>The <c>kind</c> of each node of the JSON AST (components and capabilities have none).</summary>
internal static class JsonAstKinds
{
    public const string Panel = "NexusPanel";
    public const string Data = "Data";
    public const string State = "State";
    public const string Computed = "Computed";
    public const string Logic = "Logic";
    public const string Extension = "Extension";
    public const string Tool = "Tool";
    public const string Arg = "Arg";
    public const string Handler = "Handler";
    public const string Lifecycle = "Lifecycle";
    public const string View = "View";
}
