using AngleSharp.Dom;

namespace Extraction.Clean;

/// <summary>Walks over AngleSharp elements without selector matching.</summary>
internal static class Dom
{
    // Through ChildNodes, a list: AngleSharp's Children collection finds its i-th element by enumerating from the start.
    internal static void Push(Stack<IElement> pending, IElement parent)
    {
        var nodes = parent.ChildNodes;
        for (var i = nodes.Length - 1; i >= 0; i--)
        {
            if (nodes[i] is IElement child)
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>
    /// The descendants of <paramref name="root"/> (not itself) that match, in document order, as
    /// QuerySelectorAll gives them; a plain walk costs less than matching a selector at every element.
    /// Without <paramref name="intoMatches"/> the walk does not go below a match.
    /// </summary>
    internal static List<IElement> Descendants(IElement root, Func<IElement, bool> match, bool intoMatches = true)
    {
        var found = new List<IElement>();
        var pending = new Stack<IElement>();
        Push(pending, root);
        while (pending.TryPop(out var el))
        {
            var matched = match(el);
            if (matched)
            {
                found.Add(el);
            }

            if (!matched || intoMatches)
            {
                Push(pending, el);
            }
        }

        return found;
    }
}
