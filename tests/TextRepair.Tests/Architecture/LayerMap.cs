using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace TextRepair.Tests.Architecture;

/// <summary>
/// The layer of every type of the library, read from where its source lives. Public types all share the
/// <c>TextRepair</c> namespace, so the namespace cannot say the layer; the folder of the source file does
/// (<c>src/TextRepair/&lt;Layer&gt;/...</c>). The folder of each type comes from the portable PDB: the documents of its
/// methods' sequence points, or, for a type without method bodies (an enum, an interface), the document Roslyn records
/// for it in the TypeDefinitionDocuments custom debug information.
/// </summary>
internal sealed class LayerMap
{
    /// <summary>The layers from the bottom up: a type may use types of its own layer and of the layers before it.</summary>
    public static readonly IReadOnlyList<string> Layers = ["Internal", "Conversion", "Analysis", "Repair", "Documents"];

    // Roslyn's GUID for the custom debug information naming the documents of a type that has no method bodies.
    private static readonly Guid s_typeDefinitionDocuments = new("932E74BC-DBA9-4478-8D46-0F32A7BAB3D3");

    private readonly Dictionary<string, int> _layerOf = new(StringComparer.Ordinal);

    /// <summary>Types whose sources lie in folders of two layers, or outside every layer's folder.</summary>
    public List<string> Problems { get; } = [];

    public LayerMap(string assemblyPath)
    {
        string pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
        using var peStream = File.OpenRead(assemblyPath);
        using var peReader = new PEReader(peStream);
        MetadataReader metadata = peReader.GetMetadataReader();
        using var pdbStream = File.OpenRead(pdbPath);
        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        MetadataReader pdb = pdbProvider.GetMetadataReader();

        Dictionary<TypeDefinitionHandle, HashSet<string>> folders = [];
        foreach (TypeDefinitionHandle handle in metadata.TypeDefinitions)
        {
            var documents = new HashSet<string>(StringComparer.Ordinal);
            foreach (MethodDefinitionHandle method in metadata.GetTypeDefinition(handle).GetMethods())
            {
                MethodDebugInformation info = pdb.GetMethodDebugInformation(method);
                foreach (SequencePoint point in info.GetSequencePoints())
                {
                    documents.Add(pdb.GetString(pdb.GetDocument(point.Document).Name));
                }
            }

            foreach (CustomDebugInformationHandle cdiHandle in pdb.GetCustomDebugInformation(handle))
            {
                CustomDebugInformation cdi = pdb.GetCustomDebugInformation(cdiHandle);
                if (pdb.GetGuid(cdi.Kind) != s_typeDefinitionDocuments)
                {
                    continue;
                }

                BlobReader blob = pdb.GetBlobReader(cdi.Value);
                while (blob.RemainingBytes > 0)
                {
                    var document = MetadataTokens.DocumentHandle(blob.ReadCompressedInteger());
                    documents.Add(pdb.GetString(pdb.GetDocument(document).Name));
                }
            }

            folders[handle] = documents;
        }

        foreach (TypeDefinitionHandle handle in metadata.TypeDefinitions)
        {
            string name = FullName(metadata, handle);
            if (name == "<Module>")
            {
                continue;
            }

            int? layer = LayerOf(metadata, handle, folders, name);
            if (layer is int known)
            {
                _layerOf[name] = known;
            }
        }
    }

    /// <summary>The layer index of a type of the library (by metadata full name, nested types as <c>Outer+Inner</c>).</summary>
    public bool TryGetLayer(string fullName, out int layer) => _layerOf.TryGetValue(fullName, out layer);

    public int TypeCount => _layerOf.Count;

    private int? LayerOf(MetadataReader metadata, TypeDefinitionHandle handle, Dictionary<TypeDefinitionHandle, HashSet<string>> folders, string name)
    {
        var layers = new SortedSet<int>();
        var outside = new List<string>();
        foreach (string document in folders[handle])
        {
            int layer = LayerOfPath(document);
            if (layer < 0)
            {
                outside.Add(document);
            }
            else
            {
                layers.Add(layer);
            }
        }

        if (layers.Count > 1)
        {
            Problems.Add($"{name} has sources in the folders of {string.Join(" and ", layers.Select(l => Layers[l]))}");
        }

        if (layers.Count > 0)
        {
            return layers.Max;
        }

        TypeDefinition definition = metadata.GetTypeDefinition(handle);
        if (definition.IsNested)
        {
            // A nested type without code of its own (a fixed buffer, a compiler-generated closure without a body)
            // belongs where its declaring type does.
            return LayerOf(metadata, definition.GetDeclaringType(), folders, FullName(metadata, definition.GetDeclaringType()));
        }

        if (outside.Count > 0)
        {
            Problems.Add($"{name} is written outside the layer folders: {string.Join(", ", outside)}");
        }

        // A top-level type without sources is the compiler's own (<PrivateImplementationDetails>, embedded attributes):
        // it has no layer and uses nothing of the library.
        return null;
    }

    private static int LayerOfPath(string document)
    {
        string path = document.Replace('\\', '/');
        const string Root = "src/TextRepair/";
        int start = path.LastIndexOf(Root, StringComparison.Ordinal);
        if (start < 0)
        {
            return -1;
        }

        string rest = path[(start + Root.Length)..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? -1 : IndexOfLayer(rest[..slash]);
    }

    private static int IndexOfLayer(string folder)
    {
        for (int i = 0; i < Layers.Count; i++)
        {
            if (Layers[i] == folder)
            {
                return i;
            }
        }

        return -1;
    }

    private static string FullName(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        TypeDefinition definition = metadata.GetTypeDefinition(handle);
        string name = metadata.GetString(definition.Name);
        if (definition.IsNested)
        {
            return FullName(metadata, definition.GetDeclaringType()) + "+" + name;
        }

        string ns = metadata.GetString(definition.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
