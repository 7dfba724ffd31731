"""Splitting a session's participants into groups whose mix of profiles is each close to the
session's, and the measure of how close.

The measure: for a group and a profile question, the total variation distance between the
group's shares of the answers and the whole session's (half the sum of absolute differences: 0
when the group mirrors the session, 1 when they share nothing); a split's figure is the mean over
groups and questions, and its worst group's. "No answer" counts as an answer of its own.

The split: groups as equal in size as the number of people allows (sizes differ by at most one);
people placed one at a time, those with the rarest answers first, each into the group where they
bring the mix closest to the session's; then pairs of people in different groups are swapped while
a swap lowers the total distance. Deterministic: the same people in the same order give the same
groups."""

import math
from collections import Counter

NO_ANSWER = ""


def group_sizes(people, size):
    """Sizes of ceil(people / size) groups, as equal as possible."""
    if people <= 0:
        return []
    groups = math.ceil(people / max(1, size))
    small, extra = divmod(people, groups)
    return [small + 1 if index < extra else small for index in range(groups)]


def shares(profiles, keys):
    """{key: {answer: share}} of a set of profiles."""
    total = len(profiles) or 1
    return {key: {value: count / total for value, count in Counter(p.get(key, NO_ANSWER) for p in profiles).items()} for key in keys}


def distance(group, target, keys):
    """Mean over `keys` of the total variation distance between the group's answers and the
    `target` shares (the session's)."""
    if not keys or not group:
        return 0.0
    ours = shares(group, keys)
    total = 0.0
    for key in keys:
        values = set(ours[key]) | set(target[key])
        total += sum(abs(ours[key].get(value, 0) - target[key].get(value, 0)) for value in values) / 2
    return total / len(keys)


def measure(groups, keys):
    """(mean, worst) distance of the groups' mixes from the session's."""
    target = shares([profile for group in groups for profile in group], keys)
    distances = [distance(group, target, keys) for group in groups if group]
    if not distances:
        return 0.0, 0.0
    return sum(distances) / len(distances), max(distances)


def split(profiles, size, keys):
    """Indexes of `profiles` (dicts of answers) in groups of about `size`: [[index, ...], ...]."""
    sizes = group_sizes(len(profiles), size)
    if not sizes:
        return []
    counts = {key: Counter(profile.get(key, NO_ANSWER) for profile in profiles) for key in keys}
    target = {key: {value: count / len(profiles) for value, count in counts[key].items()} for key in keys}

    def rarity(index):
        return sum(1 / counts[key][profiles[index].get(key, NO_ANSWER)] for key in keys)

    order = sorted(range(len(profiles)), key=lambda index: (-rarity(index), index))
    groups = [[] for _ in sizes]
    tallies = [{key: Counter() for key in keys} for _ in sizes]

    def cost(tally, capacity):
        # squared gaps between the group's counts and its share of the session, scaled to its size
        return sum((tally[key][value] - share * capacity) ** 2 for key in keys for value, share in target[key].items())

    for index in order:
        best, best_gain = None, None
        for number, capacity in enumerate(sizes):
            if len(groups[number]) >= capacity:
                continue
            tally = tallies[number]
            before = cost(tally, capacity)
            for key in keys:
                tally[key][profiles[index].get(key, NO_ANSWER)] += 1
            gain = cost(tally, capacity) - before
            for key in keys:
                tally[key][profiles[index].get(key, NO_ANSWER)] -= 1
            if best_gain is None or (gain, len(groups[number])) < (best_gain, len(groups[best])):
                best, best_gain = number, gain
        groups[best].append(index)
        for key in keys:
            tallies[best][key][profiles[index].get(key, NO_ANSWER)] += 1
    return _improve(profiles, groups, keys)


def _improve(profiles, groups, keys, rounds=3):
    """Swap two people of different groups while it brings both groups closer to the session."""
    target = shares(profiles, keys)

    def far(group):
        return distance([profiles[index] for index in group], target, keys)

    distances = [far(group) for group in groups]
    for _ in range(rounds):
        improved = False
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                for i in range(len(groups[a])):
                    for j in range(len(groups[b])):
                        groups[a][i], groups[b][j] = groups[b][j], groups[a][i]
                        new_a, new_b = far(groups[a]), far(groups[b])
                        if new_a + new_b < distances[a] + distances[b] - 1e-12:
                            distances[a], distances[b], improved = new_a, new_b, True
                        else:
                            groups[a][i], groups[b][j] = groups[b][j], groups[a][i]
        if not improved:
            break
    return [sorted(group) for group in groups]
