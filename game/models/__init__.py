"""The workshop's models, one module per area; imported here so Django finds them all."""

from game.models.core import (  # noqa: F401
    LANGUAGE_CHOICES,
    Layer,
    Localised,
    Participant,
    Phase,
    Programme,
    Step,
    Traject,
)
from game.models.stap1 import (  # noqa: F401
    Cluster,
    DotVote,
    Note,
    Prompt,
    SharedPicture,
    Statement,
    StatementAnswer,
)
from game.models.stap2 import (  # noqa: F401
    Case,
    Development,
    ProgrammeVersion,
    Reaction,
    Requirement,
    RequirementRevision,
    RequirementVote,
    RoleAssignment,
    Wish,
)
from game.models.stap3 import (  # noqa: F401
    CaseConclusion,
    CaseDot,
    DecisionRule,
    DeviceClaim,
    FrameworkVersion,
    FrozenVersionError,
    Judgement,
    PracticeCase,
    RequirementAddition,
    Review,
    RuleReaction,
)
