"""Who plays which role in Stap 2, "in de schoenen van een ander".

The point of the game is to stand where someone else stands, so the assignment is a small
optimisation rather than a shuffle: nobody plays their own layer, the inwoner is always played,
every role of the case gets a player when the room is big enough, groups stay even, and among
all assignments that do that, people play the layer farthest from their own.

These are pure functions over keys and ids (no models), so the service that stores assignments
and the facilitator's override can reuse them and the guarantees can be tested on thousands of
random rooms in a second.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

# The vertical line, top to bottom; mirrors `order` in game/content/layers.json.
LAYERS: tuple[str, ...] = (
    "raad",
    "bestuur",
    "directie",
    "management",
    "beleid",
    "teamleiding",
    "uitvoering",
)


# Played-only: nobody joins as the inwoner, and nobody's own layer is the inwoner, so every
# participant can always play it. That single fact is what makes guarantee (a) unconditional.
INWONER = "inwoner"


def positions(order: Sequence[str] = LAYERS) -> dict[str, int]:
    """Position of every key on the vertical line, the inwoner one step below the last layer.

    Why there: the wijkteam professional works closest to the citizen and the council farthest
    from them, so for the raad the inwoner is the biggest change of perspective (7 steps) and
    for the professional a small one (1 step). Treating the inwoner as "far from everyone"
    instead would send every spare person to the inwoner and empty the middle layers.
    An `order` that already contains the inwoner keeps its position.
    """
    result = {key: index for index, key in enumerate(order)}
    result.setdefault(INWONER, len(order))
    return result


def distance(a: str, b: str, *, order: Sequence[str] = LAYERS) -> int:
    """Steps between two layers on the vertical line (raad ↔ uitvoering is 6, raad ↔ inwoner 7).

    Raises ValueError for a key that is not on the line: a typo must not silently count as 0.
    """
    where = positions(order)
    for key in (a, b):
        if key not in where:
            raise ValueError(f"unknown layer {key!r}")
    return abs(where[a] - where[b])


def assign_roles(
    *,
    people: Sequence[tuple[int, str]],
    roles: Sequence[str],
    seed: int,
    order: Sequence[str] = LAYERS,
) -> dict[int, str]:
    """Give every participant a played role; returns {participant_id: role_key}.

    `people` are (participant_id, own_layer_key); `roles` are the role keys the case needs. The
    inwoner is always in play: it is added when `roles` omits it, because every case is about an
    inwoner. Duplicates in `roles` count once. `order` is the vertical line (see `positions`).

    Write n for the number of people and k for the number of roles in play (inwoner included).
    Call a role *playable* when at least one person in the room is not of that layer (every role
    is playable unless the whole room is of one layer, and then only that layer's role is not).

    Guarantees, for every room of any size:
      (a) nobody plays their own layer — always, for every n (the inwoner is nobody's layer);
      (b) when n >= 1, at least one person plays the inwoner;
      (c) the number of roles with at least one player is min(n, playable roles). So:
          - n < k: everybody plays a different role (one of them the inwoner);
          - n >= k: every role is covered, except, only when the whole room is one layer, that
            layer's own role (the one thing (a) forbids);
      (d) groups are as even as (a)–(c) allow: the sum of squared group sizes is minimal. So
          when n >= k and no layer has more than n - ceil(n / k) people, every role gets
          floor(n / k) or ceil(n / k) players; in a lopsided room (one raadslid among fifteen
          professionals) the raadslid alone can play uitvoering and the professionals spread
          evenly over the other roles;
      (e) among the assignments that satisfy (a)–(d), the sum of *squared* distances between
          own layer and played role (see `distance`) is maximal: people play far from home.
          Squared, because then one long jump (raad → uitvoering: 6² = 36) is worth more than
          two medium ones (3² + 3² = 18); plain total distance has many ties, among them rooms
          where the raad plays beleid while the professional plays the raad: not the game;
      (f) the same people, roles and seed give the same assignment, whatever the order of
          `people` or `roles`; the seed only chooses between assignments that are equally good
          for (a)–(e) (which of two raadsleden plays what, or two equally distant roles).

    Even groups rank above distance on purpose: with distance first, a room of twenty sends
    every spare person to the inwoner or the raad and leaves one person per middle layer, and
    the wensenpakketten of those roles would rest on a single voice.

    How: people of the same layer are interchangeable for (a)–(e), so the problem is a tiny
    transportation problem (layers → roles) solved exactly as a min-cost flow (`_best_counts`),
    with (b), (c), (d), (e) folded into one integer gain per player by weights so far apart
    that each level outranks everything below it. The seed adds a tie-breaking noise worth
    less, in total, than one unit of squared distance, and then deals each layer's roles to
    its people. Sixty people take a few milliseconds.

    Raises ValueError for a duplicate participant id, an unknown layer or role key, or a
    participant whose own layer is the inwoner (nobody joins as the inwoner).
    """
    where = positions(order)
    role_keys = _roles_in_play(roles, where)
    _check_people(people, where)
    if not people:
        return {}

    ordered = sorted(people)  # (f): independent of input order
    n = len(ordered)
    counts = Counter(layer for _, layer in ordered)
    layers = sorted(counts, key=where.__getitem__)
    rng = random.Random(seed)
    noise = {(layer, role): rng.randrange(n) for layer in layers for role in role_keys}

    # Weights, from the lowest level up; each strictly exceeds the largest possible difference
    # in everything below it, summed over all n players, so the objective is lexicographic.
    span = max(where.values())  # the largest distance on the line
    w_distance = n * n  # > total noise difference, at most n * (n - 1), so noise only breaks ties
    w_balance = w_distance * (span * span * n + 1)  # > total distance² + noise difference
    w_cover = w_balance * (n * n + 1)  # > sum of squared group sizes (at most n²) + below
    w_inwoner = w_cover * (len(role_keys) + 1)  # > roles covered (at most k) + below

    def pair_gain(layer: str, role: str) -> int:
        return w_distance * (where[layer] - where[role]) ** 2 + noise[(layer, role)]

    def slot_gain(role: str, size: int) -> int:
        """Gain of a role's `size`-th player; non-increasing in size, as the flow requires."""
        gain = -w_balance * (2 * size - 1)  # sums to -size², so even groups win
        if size == 1:
            gain += w_cover + (w_inwoner if role == INWONER else 0)
        return gain

    flow = _best_counts(
        counts=counts, roles=role_keys, pair_gain=pair_gain, slot_gain=slot_gain, units=n
    )

    assignment: dict[int, str] = {}
    for layer in layers:
        ids = [pid for pid, own in ordered if own == layer]
        rng.shuffle(ids)
        dealt = [role for role in role_keys for _ in range(flow.get((layer, role), 0))]
        assignment.update(zip(ids, dealt, strict=True))
    return assignment


def _roles_in_play(roles: Sequence[str], where: Mapping[str, int]) -> list[str]:
    unknown = [role for role in roles if role not in where]
    if unknown:
        raise ValueError(f"unknown role {unknown[0]!r}")
    return sorted({*roles, INWONER}, key=where.__getitem__)


def _check_people(people: Sequence[tuple[int, str]], where: Mapping[str, int]) -> None:
    ids = [pid for pid, _ in people]
    if len(set(ids)) != len(ids):
        raise ValueError("a participant id occurs twice")
    for _, layer in people:
        if layer not in where or layer == INWONER:
            raise ValueError(f"{layer!r} is not a layer one can join with")


def _best_counts(
    *,
    counts: Mapping[str, int],
    roles: Sequence[str],
    pair_gain: Callable[[str, str], int],
    slot_gain: Callable[[str, int], int],
    units: int,
) -> dict[tuple[str, str], int]:
    """How many people of each layer play each role, maximising the total gain; exact.

    Min-cost flow by successive shortest paths: source → layer (capacity: people in it) →
    role (never the same key: guarantee (a)) → sink, where a role's k-th player earns
    `slot_gain(role, k)`. Because that gain never increases with k, one arc per role carrying
    "the next slot" (and a reverse arc giving back the last one) is exact. The start, zero flow,
    has no cycles, so no negative cycles; each augmentation along a shortest path keeps the flow
    optimal for its size (the classic SSP invariant), so after `units` augmentations it is
    optimal for everyone placed. A path always exists: any layer can reach the inwoner.
    Small: at most 8 layers and 8 roles, so ~20 nodes and `units` Bellman-Ford runs.
    """
    source, sink = ("source", ""), ("sink", "")
    used = dict.fromkeys(counts, 0)
    size = dict.fromkeys(roles, 0)
    flow: dict[tuple[str, str], int] = {}

    for _ in range(units):
        arcs: list[tuple[tuple[str, str], tuple[str, str], int]] = []
        for layer, count in counts.items():
            node = ("layer", layer)
            if used[layer] < count:
                arcs.append((source, node, 0))
            if used[layer] > 0:
                arcs.append((node, source, 0))
            for role in roles:
                if role == layer:
                    continue
                arcs.append((node, ("role", role), -pair_gain(layer, role)))
                if flow.get((layer, role), 0) > 0:
                    arcs.append((("role", role), node, pair_gain(layer, role)))
        for role in roles:
            if size[role] < units:
                arcs.append((("role", role), sink, -slot_gain(role, size[role] + 1)))
            if size[role] > 0:
                arcs.append((sink, ("role", role), slot_gain(role, size[role])))

        cost: dict[tuple[str, str], int] = {source: 0}
        came_from: dict[tuple[str, str], tuple[str, str]] = {}
        for _round in range(len(counts) + len(roles) + 2):  # Bellman-Ford, |V| - 1 rounds
            changed = False
            for tail, head, arc_cost in arcs:
                if tail in cost and (head not in cost or cost[tail] + arc_cost < cost[head]):
                    cost[head] = cost[tail] + arc_cost
                    came_from[head] = tail
                    changed = True
            if not changed:
                break

        node = sink
        while node != source:  # push one unit back along the path
            tail = came_from[node]
            kind_t, key_t = tail
            kind_h, key_h = node
            if kind_t == "source":
                used[key_h] += 1
            elif kind_h == "source":
                used[key_t] -= 1
            elif kind_t == "layer":
                flow[(key_t, key_h)] = flow.get((key_t, key_h), 0) + 1
            elif kind_h == "layer":
                flow[(key_h, key_t)] -= 1
            elif kind_h == "sink":
                size[key_t] += 1
            else:  # sink → role: the role gives back its last player
                size[key_h] -= 1
            node = tail
    return flow
