using PmBot.Core.Domain;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Plan;

/// <summary>A project's work breakdown structure as loaded for one command: items, outline codes, look-ups.</summary>
public sealed class Wbs
{
    private Dictionary<int, WorkItem>? _byNumber;
    private readonly Dictionary<Guid, WorkItem> _byId;
    private readonly ILookup<Guid?, WorkItem> _children;
    private readonly List<WorkItem> _inOutlineOrder;
    // Short ids are asked for many times per item (the schedule, its links, earned value, each section): made once.
    private readonly Dictionary<Guid, string> _shortIds;
    private Dictionary<Guid, string>? _outline;

    public Wbs(Project project, IReadOnlyList<WorkItem> items)
    {
        Project = project;
        Items = items;
        _byId = items.ToDictionary(i => i.Id);
        _shortIds = items.ToDictionary(i => i.Id, i => i.ShortId(project.Key));
        // Sorted by number once, so each parent's children come out of the look-up already in number order.
        _children = items.OrderBy(i => i.Number).ToLookup(i => i.ParentId);
        _inOutlineOrder = new List<WorkItem>(items.Count);
        Walk(null);
    }

    public Project Project { get; }
    public IReadOnlyList<WorkItem> Items { get; }

    /// <summary>Outline code per item: 1, 1.1, 1.2, 2 … in tree order (children by number); made on first use (a digest needs none).</summary>
    public IReadOnlyDictionary<Guid, string> Outline => _outline ??= Codes();

    /// <summary>Items in outline order (depth first).</summary>
    /// <remarks>
    /// The order in which the outline codes were given (depth first, children by number), kept rather than sorted again by
    /// code on every use: a digest walks 10,000 items in this order several times. Items under no root (a broken parent
    /// chain) have no code: sorting by code then fails, as it always did.
    /// </remarks>
    public IEnumerable<WorkItem> InOutlineOrder =>
        _inOutlineOrder.Count == Items.Count ? _inOutlineOrder : Items.OrderBy(i => Outline[i.Id], Planning.OutlineCode.Comparer);

    public bool HasChildren(WorkItem item) => _children.Contains(item.Id);

    public WorkItem? Find(ItemRef reference) =>
        (reference.ProjectKey is null || reference.ProjectKey == Project.Key) && (_byNumber ??= Items.ToDictionary(i => i.Number)).TryGetValue(reference.Number, out var item) ? item : null;

    public WorkItem Get(Guid id) => _byId[id];

    public string ShortId(WorkItem item) => _shortIds.TryGetValue(item.Id, out var id) ? id : item.ShortId(Project.Key);

    /// <summary>The short id of the item with this id (one look-up).</summary>
    public string ShortId(Guid id) => _shortIds.TryGetValue(id, out var shortId) ? shortId : ShortId(Get(id));

    /// <summary>Depth first from the roots, children by number.</summary>
    private void Walk(Guid? parent)
    {
        foreach (var child in _children[parent])
        {
            _inOutlineOrder.Add(child);
            Walk(child.Id);
        }
    }

    /// <summary>The codes in outline order: a parent's code comes before its children's, which count on from 1.</summary>
    private Dictionary<Guid, string> Codes()
    {
        var codes = new Dictionary<Guid, string>(_inOutlineOrder.Count);
        var childrenSoFar = new Dictionary<Guid, int>();
        var roots = 0;
        foreach (var item in _inOutlineOrder)
        {
            if (item.ParentId is not { } parent)
            {
                codes[item.Id] = $"{++roots}";
                continue;
            }
            var index = childrenSoFar[parent] = childrenSoFar.GetValueOrDefault(parent) + 1;
            codes[item.Id] = $"{codes[parent]}.{index}";
        }
        return codes;
    }
}
