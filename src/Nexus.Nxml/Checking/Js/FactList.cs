using System.Collections;

namespace Nexus.Nxml.Checking.Js;

/// <summary>
/// A read-only view of one kind of facts that <c>foreach</c> walks without allocating (the checker walks the
/// facts of hundreds of snippets per document); LINQ still sees an <see cref="IReadOnlyList{T}"/>.
/// </summary>
internal readonly struct FactList<T>(List<T>? items) : IReadOnlyList<T>
{
    private static readonly List<T> None = [];

    public int Count => items?.Count ?? 0;

    public T this[int index] => (items ?? None)[index];

    public List<T>.Enumerator GetEnumerator() => (items ?? None).GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
