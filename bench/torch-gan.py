# The MLP GAN of bench/gan.bench.mjs in PyTorch CPU, for the same-run comparison: the Keras MNIST GAN
# (G 100→256→512→1024→784 tanh, D 784→1024→512→256→1 with dropout 0.3, LeakyReLU 0.2, Adam 2e-4 β1 0.5,
# batch 128) on the 10,000 digits the bench writes from @dlkit/mnist. Like PyTorch's DCGAN example its G
# step reuses the D step's fakes: one G forward fewer than dlkit's trainer, which draws fresh noise.
# usage: /usr/bin/python3 bench/torch-gan.py DATA.f32 EPOCHS THREADS  → one JSON line per epoch
import json, sys, time
import numpy as np
import torch
import torch.nn as nn

data, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
torch.manual_seed(0)
x = torch.from_numpy(np.fromfile(data, dtype=np.float32).reshape(-1, 784) * 2 - 1)
batch, z_dim = 128, 100
G = nn.Sequential(nn.Linear(z_dim, 256), nn.LeakyReLU(0.2), nn.Linear(256, 512), nn.LeakyReLU(0.2),
                  nn.Linear(512, 1024), nn.LeakyReLU(0.2), nn.Linear(1024, 784), nn.Tanh())
D = nn.Sequential(nn.Linear(784, 1024), nn.LeakyReLU(0.2), nn.Dropout(0.3), nn.Linear(1024, 512), nn.LeakyReLU(0.2),
                  nn.Dropout(0.3), nn.Linear(512, 256), nn.LeakyReLU(0.2), nn.Dropout(0.3), nn.Linear(256, 1))
opt_g = torch.optim.Adam(G.parameters(), 2e-4, betas=(0.5, 0.999))
opt_d = torch.optim.Adam(D.parameters(), 2e-4, betas=(0.5, 0.999))
bce = nn.BCEWithLogitsLoss()
ones, zeros = torch.ones(batch, 1), torch.zeros(batch, 1)
for epoch in range(epochs):
    order = torch.randperm(x.shape[0])
    start = time.perf_counter()
    steps = 0
    for i in range(0, x.shape[0] - batch + 1, batch):
        real = x[order[i:i + batch]]
        fake = G(torch.randn(batch, z_dim))
        d_loss = bce(D(real), ones) + bce(D(fake.detach()), zeros)
        opt_d.zero_grad(); d_loss.backward(); opt_d.step()
        g_loss = bce(D(fake), ones)
        opt_g.zero_grad(); g_loss.backward(); opt_g.step()
        steps += 1
    seconds = time.perf_counter() - start
    print(json.dumps({"epoch": epoch, "threads": threads, "samplesPerS": steps * batch / seconds,
                      "dLoss": float(d_loss), "gLoss": float(g_loss), "torch": torch.__version__}), flush=True)
