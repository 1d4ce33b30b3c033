"""The index of the workshop's models. They live in their concept packages
(game/<concept>/models.py); Django imports this module to find them, so each is listed here."""

from game.core.models import (  # noqa: F401
    LANGUAGE_CHOICES,
    Layer,
    Localised,
    Participant,
    Phase,
    Programme,
    Reveal,
    Step,
    Traject,
)
from game.document.models import FrozenDocument  # noqa: F401
from game.followup.models import CheckIn, DeviceClaim, Review  # noqa: F401
from game.framework.models import DecisionRule, FrameworkVersion, FrozenVersionError, RuleReaction  # noqa: F401
from game.notes.models import Cluster, DotVote, Note, Prompt, SharedPicture  # noqa: F401
from game.practice.models import (  # noqa: F401
    CaseConclusion,
    CaseDot,
    Judgement,
    PracticeCase,
    RequirementAddition,
)
from game.requirements.models import (  # noqa: F401
    ProgrammeVersion,
    Requirement,
    RequirementRevision,
    RequirementVote,
)
from game.roleplay.models import Case, Development, Reaction, RoleAssignment, Wish  # noqa: F401
from game.statements.models import Statement, StatementAnswer  # noqa: F401
