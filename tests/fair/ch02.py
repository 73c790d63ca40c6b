"""Chapter 2 written differently but correctly (torch.add, autograd.grad, as_tensor, detach, a list
returned, zero_grad after step, NumPy losses): must keep full marks."""
import torch
from torch import nn, optim


def tensor_ops(a, b):
    return torch.add(a, b), a.mul(b), torch.matmul(a, b.t())


def numpy_bridge(x):
    return torch.as_tensor(x)


def mean_grad(x, y):
    z = torch.mean(x + y)
    return torch.autograd.grad(z, [x, y])


def vector_backward(x, y):
    z = 2 * x + 3 * y
    return torch.autograd.grad(z, (x, y), grad_outputs=torch.ones_like(z))


def no_grad_double(x):
    return x.detach() * 2


class LinearRegression(nn.Module):
    def __init__(self):
        super(LinearRegression, self).__init__()
        self.fc = nn.Linear(in_features=1, out_features=1)

    def forward(self, x):
        return self.fc(x)


def train_linear_regression(x, y, epochs=1000, lr=5e-3):
    model = LinearRegression()
    optimizer = optim.SGD(model.parameters(), lr)
    losses = []
    for _ in range(epochs):
        loss = ((model.forward(x) - y) ** 2).mean()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(loss.detach().numpy())
    return [model, losses]
