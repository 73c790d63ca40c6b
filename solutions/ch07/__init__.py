"""Chapter 7 - optimising networks (reference solutions).

7.1 regularisation (L2, L1, inverted dropout), 7.2 gradient optimisation (mini-batches, momentum,
Nesterov, AdaGrad, RMSprop, Adam, learning-rate decay), 7.3 initialisation and tuning (input
normalisation, weight initialisation, batch normalisation, log-scale search), 7.4 evaluation
(train/dev/test split, bias and variance, confusion matrix).

Examples are columns: X is (n_x, m), Y is (1, m).  W{l} is (n_l, n_{l-1}), b{l} is (n_l, 1).
The L-layer network (ReLU hidden layers, sigmoid output, caches[l-1] = (A_prev, W, b, Z)) is the
chapter-6 reference, solutions/ch06.py; students import it from dnn_utils.py beside the notebook, which
tools/notebooks/ch07.py builds from solutions/ch06.py and `shipped` (a test proves it is current).
One module per topic; this package exports every function, as the notebook defines them all.
Optimiser state (v, s) is a dict keyed like the gradients ('dW1', 'db1', ...), zeros shaped like the
parameters, as in the deeplearning.ai exercises.
"""
import numpy as np  # noqa: F401  (the namespace the catalogue's edited variants run in)

from solutions.ch06 import backward_propagation, compute_cost, forward_propagation  # noqa: F401
from solutions.ch07.regularisation import (compute_cost_with_regularization, backward_propagation_with_regularization,
                                           compute_cost_with_l1_regularization,
                                           backward_propagation_with_l1_regularization, dropout_forward,
                                           dropout_backward)  # noqa: F401
from solutions.ch07.optimisers import (random_mini_batches, initialize_velocity, update_parameters_with_momentum,
                                       update_parameters_with_nesterov, update_parameters_with_adagrad,
                                       update_parameters_with_rmsprop, initialize_adam, update_parameters_with_adam,
                                       update_lr, schedule_lr_decay)  # noqa: F401
from solutions.ch07.tuning import (normalize_inputs, initialize_parameters_zeros, initialize_parameters_random,
                                   initialize_parameters_he, initialize_parameters_xavier, batchnorm_forward,
                                   batchnorm_backward, sample_learning_rates)  # noqa: F401
from solutions.ch07.evaluation import train_dev_test_split, diagnose_bias_variance, confusion_matrix  # noqa: F401
from solutions.ch07.shipped import compute_gradients, load_moons  # noqa: F401
