"""The writer shared by the Python parts of tools/import-variant-eval.sh."""
import os


def write(out, name, lines):
    """Writes lines to out/name, one text per line, whitespace runs collapsed and duplicates dropped (first kept).

    Returns the number of lines written."""
    seen, unique = set(), []
    for line in lines:
        line = ' '.join(line.split())
        if line not in seen:
            seen.add(line)
            unique.append(line)
    with open(os.path.join(out, name), 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(unique) + '\n')
    return len(unique)
